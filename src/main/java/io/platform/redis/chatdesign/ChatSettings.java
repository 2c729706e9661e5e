package io.platform.redis.chatdesign;

import io.platform.redis.module.VariableValues;
import java.util.Map;

/** The {@code chat:} section of a chat stack file, checked against {@link ChatVariables}. */
public final class ChatSettings extends VariableValues {
    private ChatSettings(Map<String, Object> values) {
        super(ChatVariables.ALL, values);
    }

    public static ChatSettings of(Map<String, Object> values) {
        return new ChatSettings(values);
    }

    /** Values the typed API has checked already; they may hold cdktf tokens. */
    public static ChatSettings ofCheckedValues(Map<String, Object> values) {
        return new ChatSettings(values, true);
    }

    private ChatSettings(Map<String, Object> values, boolean checked) {
        super(ChatVariables.ALL, values, checked);
    }
}
