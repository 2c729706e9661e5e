package io.platform.redis.hcl;

/** A Terraform JSON construct the renderer cannot turn into HCL, with where it was found. */
public final class HclRenderException extends RuntimeException {
    public HclRenderException(String path, String problem) {
        super("cannot render " + path + " as HCL: " + problem);
    }
}
