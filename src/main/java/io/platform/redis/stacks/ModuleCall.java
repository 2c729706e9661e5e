package io.platform.redis.stacks;

/** Where each stack finds the module. */
public final class ModuleCall {
    /** Where the module sits relative to each stack's folder; the synthesizer copies it there. */
    public static final String SOURCE = io.platform.redis.RedisModule.BESIDE_THE_STACK;

    private ModuleCall() {
    }
}
