package io.platform.redis.stacks;

import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformHclModule;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import io.platform.redis.chat.ChatRedisStack;
import io.platform.redis.config.Backend;
import io.platform.redis.config.StackFile;
import io.platform.redis.config.Workload;
import io.platform.redis.module.ModuleOutput;
import io.platform.redis.module.RedisOutputs;
import java.util.Map;
import software.constructs.Construct;

/**
 * One environment: the AWS provider, the state backend, and what its stack file deploys, always through calls of
 * the exported module. The module's folder is copied next to the stack's JSON by the synthesizer, so
 * {@code tofu plan} in the stack folder needs nothing else.
 */
public final class EnvironmentStack extends TerraformStack {
    public EnvironmentStack(Construct scope, StackFile file) {
        super(scope, file.stack());
        new AwsProvider(this, "aws", AwsProviderConfig.builder().region(file.region()).build());
        addOverride("terraform.required_version", ProviderVersions.TERRAFORM);
        backend(file.backend());

        if (file.workload() instanceof Workload.DjangoRedis django) {
            addOverride("terraform.required_providers", ProviderVersions.requiredProviders(false));
            TerraformHclModule redis = ModuleCall.add(this, "redis", django.inputs().explicit());
            // The stack's outputs are the module's, under the same names and sensitivity.
            for (ModuleOutput output : RedisOutputs.ALL) {
                ModuleCall.output(this, output.name(), redis.get(output.name()), output.description(), output.sensitive());
            }
        } else if (file.workload() instanceof Workload.ChatRedis chat) {
            addOverride("terraform.required_providers", ProviderVersions.requiredProviders(true));
            ChatRedisStack.build(this, chat.settings());
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
