package io.platform.redis.stacks;

import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformHclModule;
import com.hashicorp.cdktf.TerraformHclModuleConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import io.platform.redis.config.Backend;
import io.platform.redis.config.StackFile;
import io.platform.redis.module.ModuleOutput;
import io.platform.redis.module.RedisOutputs;
import java.util.Map;
import software.constructs.Construct;

/**
 * One environment: the AWS provider, the state backend, and a call of the exported module with the values of the
 * environment's stack file. The module's folder is copied next to the stack's JSON (see {@code StackWriter}), so
 * {@code tofu plan} in the stack folder needs nothing else. Outputs are the module's, under the same names.
 */
public final class EnvironmentStack extends TerraformStack {
    /** Where the module sits relative to each stack's folder. */
    public static final String MODULE_SOURCE = "./modules/redis";

    public EnvironmentStack(Construct scope, StackFile file) {
        super(scope, file.stack());
        new AwsProvider(this, "aws", com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig.builder()
                .region(file.region()).build());
        addOverride("terraform.required_providers", ProviderVersions.requiredProviders(false));
        addOverride("terraform.required_version", ProviderVersions.TERRAFORM);
        backend(file.backend());

        // cdktf would turn a "./" source into a hashed asset folder; the module is copied in by the synthesizer
        // instead, so the call reads like a Terraform team's own: source = "./modules/redis".
        TerraformHclModule redis = new TerraformHclModule(this, "redis", TerraformHclModuleConfig.builder()
                .source("redis")
                .variables(file.redis().explicit())
                .build());
        redis.addOverride("source", MODULE_SOURCE);
        for (ModuleOutput output : RedisOutputs.ALL) {
            new TerraformOutput(this, "output_" + output.name(), TerraformOutputConfig.builder()
                    .value(redis.get(output.name()))
                    .description(output.description())
                    .sensitive(output.sensitive())
                    .build())
                    .overrideLogicalId(output.name());
        }
    }

    private void backend(Backend backend) {
        Map<String, Object> s = backend.settings();
        switch (backend.type()) {
            case "local" -> new LocalBackend(this, LocalBackendConfig.builder().path((String) s.get("path")).build());
            case "s3" -> {
                S3BackendConfig.Builder config = S3BackendConfig.builder()
                        .bucket((String) s.get("bucket")).key((String) s.get("key")).region((String) s.get("region"))
                        .encrypt((Boolean) s.getOrDefault("encrypt", true));
                if (s.containsKey("dynamodb_table")) {
                    config.dynamodbTable((String) s.get("dynamodb_table"));
                }
                new S3Backend(this, config.build());
            }
            default -> throw new IllegalArgumentException("unknown backend " + backend.type());
        }
    }
}
