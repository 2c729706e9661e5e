package io.platform.redis.stacks;

import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import io.platform.redis.RedisModule;
import io.platform.redis.chat.ChatRedis;
import io.platform.redis.config.Backend;
import io.platform.redis.config.StackFile;
import io.platform.redis.config.Workload;
import io.platform.redis.module.ProviderVersions;
import io.platform.redis.construct.StackLedger;
import io.platform.redis.module.RedisOutputs;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;

/**
 * One environment: the AWS provider, the state backend, and what its stack file deploys, always through calls of
 * the exported module. The module's folder is copied next to the stack's JSON by the synthesizer, so
 * {@code tofu plan} in the stack folder needs nothing else.
 */
public final class EnvironmentStack extends TerraformStack {
    /**
     * The id of the stack's Redis construct, and so its Terraform names: {@code module.redis} for a Django stack,
     * the chat design's {@code module.redis}, {@code module.redis_adapter}, {@code module.redis_state} and
     * {@code redis_auth} for a chat stack. Deployed clusters live at these addresses: changing it would plan their
     * destruction.
     */
    public static final String REDIS_ID = "redis";

    public EnvironmentStack(Construct scope, StackFile file) {
        super(scope, file.stack());
        // the stack holds only what the Redis constructs put into it, and its stack file's AWS names were compared
        // with the other files' when they were read: nothing left to check at synth
        StackLedger.ofOwnStack(this);
        new AwsProvider(this, "aws", AwsProviderConfig.builder().region(file.region()).build());
        // one override for both settings: deep-merged into the terraform block like two (a jsii round trip each)
        addOverride("terraform", Map.of("required_version", ProviderVersions.TERRAFORM,
                "required_providers", ProviderVersions.requiredProviders(file.workload() instanceof Workload.ChatRedis)));
        backend(file.backend());

        if (file.workload() instanceof Workload.DjangoRedis django) {
            RedisModule.besideTheStack(this, REDIS_ID, django.config());
            exportModuleOutputs(file.stack());
        } else if (file.workload() instanceof Workload.ChatRedis chat) {
            ChatRedis redis = ChatRedis.besideTheStack(this, REDIS_ID, chat.config());
            redis.exportOutputs(this, "");
        }
    }

    /**
     * The stack's outputs are the module's, under the same names, descriptions and sensitivity: what
     * {@code exportOutputs} writes, as two overrides of the stack instead of a TerraformOutput and its logical id per
     * output (two jsii calls each, most of a stack's cost with 50 stacks). The stack is the app's own, so no other
     * construct can claim these names; {@code //.outputs} is the map cdktf writes for its TerraformOutputs (construct
     * id to output name), which {@code cdktf deploy --outputs-file} reads.
     */
    private void exportModuleOutputs(String stackId) {
        Map<String, Object> outputs = RedisOutputs.exportedBlocks(REDIS_ID);
        Map<String, Object> constructIds = new LinkedHashMap<>();
        outputs.keySet().forEach(name -> constructIds.put(StackLedger.outputConstructId(name), name));
        addOverride("output", outputs);
        addOverride("//.outputs", Map.of(stackId, constructIds));
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
                if (Boolean.TRUE.equals(s.get("use_lockfile"))) {
                    // newer than the cdktf 0.19 bindings: the S3 lock file instead of the deprecated DynamoDB table
                    addOverride("terraform.backend.s3.use_lockfile", true);
                }
            }
            default -> throw new IllegalArgumentException("unknown backend " + backend.type());
        }
    }
}
