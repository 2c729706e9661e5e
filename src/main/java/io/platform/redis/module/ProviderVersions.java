package io.platform.redis.module;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provider and Terraform versions the generated configurations declare. The cdktf AWS bindings pin the exact
 * provider version they were generated from (5.23.1); a module must state lower bounds only, so both the module and
 * the stacks declare these ranges instead.
 */
public final class ProviderVersions {
    private ProviderVersions() {
    }

    /** Preconditions need 1.2, strcontains 1.5; OpenTofu 1.6 and later read the same files. */
    public static final String TERRAFORM = ">= 1.5.0";
    /**
     * 5.27.0 added auth_token_update_strategy, which the module sets; 5.73.0 the valkey engine. Bounded to the majors
     * the module is proven on: 5.x by the provider binary (plans, applies on the wire), 6.x by its schema (Aws6SchemaTest).
     */
    public static final String AWS = ">= 5.73.0, < 7.0.0";
    public static final String RANDOM = ">= 3.1.0";

    /** The {@code required_providers} block, for the given providers (aws, random). */
    public static Map<String, Object> requiredProviders(boolean withRandom) {
        Map<String, Object> providers = new LinkedHashMap<>();
        providers.put("aws", provider("hashicorp/aws", AWS));
        if (withRandom) {
            providers.put("random", provider("hashicorp/random", RANDOM));
        }
        return providers;
    }

    private static Map<String, Object> provider(String source, String version) {
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("source", source);
        provider.put("version", version);
        return provider;
    }
}
