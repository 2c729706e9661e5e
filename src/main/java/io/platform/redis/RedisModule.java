package io.platform.redis;

import com.hashicorp.cdktf.AssetType;
import com.hashicorp.cdktf.TerraformAsset;
import com.hashicorp.cdktf.TerraformHclModule;
import com.hashicorp.cdktf.TerraformHclModuleConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import io.platform.redis.checks.ConfigChecks;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.Variable;
import io.platform.redis.module.ProviderVersions;
import io.platform.redis.construct.StackLedger;
import io.platform.redis.construct.ShippedModule;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * One call of the Redis module ({@code modules/redis}) in a cdktf stack: ElastiCache Redis or Valkey for a Django
 * cache and Celery broker, with its security group, parameter group, logs and alarms. The module's files ship with
 * the stack (a cdktf asset beside the stack's JSON), so the synthesized folder plans with {@code tofu plan} or
 * {@code terraform plan} on its own. The stack needs the AWS provider; the module needs {@code hashicorp/aws >= 5.73.0, < 7.0.0}
 * (the majors it is proven on), which the call adds to the stack's AWS constraint at synth: the team's own bounds are
 * kept ({@code ~> 5.80} becomes {@code ~> 5.80, >= 5.73.0, < 7.0.0}), the 18.x bindings' own pin (5.23.1) is replaced, and a constraint no version can meet
 * together with the module's fails the synth, naming both. The module brings its own requirement for {@code hashicorp/random}, which {@code terraform init} installs.
 *
 * <pre>{@code
 * RedisModule cache = new RedisModule(this, "cache", RedisModuleConfig.builder()
 *         .name("orders-cache").environment("prod").nodeType("cache.t4g.small")
 *         .subnetIds(privateSubnetIds).allowedSecurityGroupIds(List.of(app.getId()))
 *         .build());
 * new TerraformOutput(this, "redis_url", TerraformOutputConfig.builder()
 *         .value(cache.getRedisUrl()).sensitive(true).build());
 * }</pre>
 */
public class RedisModule extends TerraformHclModule implements RedisModuleOutputs {
    /** Where {@link #besideTheStack} expects the module, relative to the stack's folder. */
    public static final String BESIDE_THE_STACK = "./modules/redis";

    private final RedisModuleConfig config;

    /**
     * Adds the module call {@code module "<id>"} to the scope's stack; the module's files ship as an asset.
     *
     * @param id the module call's name in Terraform: letters, digits, underscores and hyphens
     */
    public RedisModule(Construct scope, String id, RedisModuleConfig config) {
        this(scope, id, config, true);
    }

    /**
     * For an app that copies {@code modules/redis} next to each stack's JSON itself, as this project's synthesizer
     * does: the call reads {@code source = "./modules/redis"} and no asset is added.
     */
    public static RedisModule besideTheStack(Construct scope, String id, RedisModuleConfig config) {
        return new RedisModule(scope, id, config, false);
    }

    private RedisModule(Construct scope, String id, RedisModuleConfig config, boolean shipFiles) {
        // No asset of cdktf's own: the files ship as the stack's one asset (shipFiles), or the app puts them beside it.
        // Shipped, the source is that asset's path, known once the call exists: "redis" until then.
        super(scope, checkedId(scope, id), TerraformHclModuleConfig.builder().source(shipFiles ? "redis" : BESIDE_THE_STACK)
                .skipAssetCreationFromLocalModules(true).variables(config.variables()).build());
        this.config = config;
        StackLedger ledger = StackLedger.of(scope); // the call's stack is its scope's
        if (shipFiles) {
            // The AWS bindings pin hashicorp/aws 5.23.1; the module needs a newer provider (see ProviderVersions),
            // added to the stack's own constraint at synth, the team's bounds kept.
            ledger.requireAws(ProviderVersions.AWS, getNode().getPath());
            addOverride("source", "./" + moduleFiles(TerraformStack.of(this)).getPath());
        }
        overrideLogicalId(id);
        ledger.claimTerraformName("module \"" + id + "\"", this);
        for (String awsName : StackLedger.awsNamesOfCall(config.variables())) {
            ledger.claimAwsName(awsName, this);
        }
        moveRulesKeyedBySource(ledger, id, config);
    }

    /** The id, once checked: the module call's name in Terraform. */
    private static String checkedId(Construct scope, String id) {
        StackLedger.checkIdentifier(id, () -> scope.getNode().getPath().isEmpty() ? id : scope.getNode().getPath() + "/" + id);
        return id;
    }

    /**
     * Ingress rules were keyed by their source (for_each) before they were counted, which is what lets a source come
     * from a resource of the same apply. For every source given literally, a moved block carries a state written
     * under the old key to its new index, so upgrading plans no destroy and no duplicate rule.
     */
    private static void moveRulesKeyedBySource(StackLedger ledger, String id, RedisModuleConfig config) {
        if (Boolean.FALSE.equals(config.variables().get(RedisVariables.CREATE_SECURITY_GROUP.name()))) {
            return;
        }
        // each rule resource of the module, by the input whose sources it admits
        Map<String, Variable> rules = new java.util.LinkedHashMap<>();
        rules.put("from_security_groups", RedisVariables.ALLOWED_SECURITY_GROUP_IDS);
        rules.put("from_cidr_blocks", RedisVariables.ALLOWED_CIDR_BLOCKS);
        for (var rule : rules.entrySet()) {
            String resource = "module." + id + ".aws_vpc_security_group_ingress_rule." + rule.getKey();
            if (config.variables().get(rule.getValue().name()) instanceof List<?> sources && !ConfigChecks.isToken(sources)) {
                for (int index = 0; index < sources.size(); index++) {
                    ledger.move(resource + "[\"" + sources.get(index) + "\"]", resource + "[" + index + "]");
                }
            }
        }
    }

    /** The module's files as one asset per stack, shared by every call in it (a split chat stack has two). */
    private static TerraformAsset moduleFiles(TerraformStack stack) {
        String id = "redis-module-files";
        if (stack.getNode().tryFindChild(id) instanceof TerraformAsset existing) {
            return existing;
        }
        return TerraformAsset.Builder.create(stack, id).path(ShippedModule.directory().toString()).type(AssetType.DIRECTORY).build();
    }

    /**
     * Lets {@code role} read this cluster's RBAC user secrets and decrypt them: an inline policy on the role holding the
     * module's {@code secrets_read_policy_json} (GetSecretValue and DescribeSecret on exactly these secrets, and
     * kms:Decrypt through Secrets Manager when {@code secretKmsKeyArn} is set). Needs {@code rbacUsers}.
     *
     * @return the role policy, named by Terraform (unique on the role)
     */
    public IamRolePolicy grantSecretsRead(IamRole role) {
        Object users = config.variables().get(RedisVariables.RBAC_USERS.name());
        if (!ConfigChecks.isToken(users) && (!(users instanceof Map<?, ?> map) || map.isEmpty())) {
            throw new IllegalArgumentException(getNode().getPath() + ": grantSecretsRead needs rbac_users (the module keeps a "
                    + "secret per RBAC user; without them it has none to read)");
        }
        return IamRolePolicy.Builder.create(this, "secrets_read_" + role.getNode().getId())
                .role(role.getName()).policy(getSecretsReadPolicyJson()).build();
    }

    /** The configuration this call was made with. */
    public RedisModuleConfig getConfig() {
        return config;
    }

    @Override
    public TerraformHclModule getModule() {
        return this;
    }
}
