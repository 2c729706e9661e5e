package io.platform.redis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a getter whose value is a secret (a password, or a URL that holds one). Terraform refuses a plan whose output
 * shows such a value unless the output is sensitive too: give {@code sensitive(true)} to a {@code TerraformOutput} of
 * it, or export the outputs with {@link RedisModuleOutputs#exportOutputs}, which does.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Sensitive {
}
