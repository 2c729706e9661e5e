package io.platform.redis.module;

import com.hashicorp.cdktf.providers.random_provider.password.Password;
import software.constructs.Construct;

/**
 * The one definition of a generated Redis AUTH token, used by the module and by the chat stacks: 32 letters and
 * digits. ElastiCache accepts 16-128 printable characters with only ! & # $ ^ < > - as specials; leaving specials
 * out keeps the token inside that set and safe in a URL without escaping.
 */
public final class AuthTokens {
    public static final int LENGTH = 32;

    private AuthTokens() {
    }

    public static Password.Builder password(Construct scope, String id) {
        return Password.Builder.create(scope, id).length(LENGTH).special(false);
    }
}
