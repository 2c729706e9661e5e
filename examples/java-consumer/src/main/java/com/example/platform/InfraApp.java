package com.example.platform;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import io.platform.redis.RedisModule;
import io.platform.redis.RedisModuleConfig;
import io.platform.redis.chat.ChatRedis;
import io.platform.redis.chat.ChatRedisConfig;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Another team's cdktf app: a network stack, a Django/Celery cache for an orders service in that network (its VPC
 * and subnets reach it as cdktf cross-stack references), and the chat design in split mode. Each stack synthesizes
 * to a folder of its own: the Redis module ships with it.
 */
public final class InfraApp {
    private InfraApp() {
    }

    /** Who may take the tasks' roles: ECS tasks. */
    static final String ECS_TASKS_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"}}]}";

    /** The chat team's VPC, created elsewhere. */
    static final String VPC_ID = "vpc-0e1f2a3b4c5d6e7f8";

    /** The orders service's network: a VPC and two private subnets, read by the cache stack across stacks. */
    static final class NetworkStack extends TerraformStack {
        final Vpc vpc;
        final List<Subnet> privateSubnets;

        NetworkStack(Construct scope, String id) {
            super(scope, id);
            new AwsProvider(this, "aws", AwsProviderConfig.builder().region("eu-west-1").build());
            new LocalBackend(this, LocalBackendConfig.builder().path("terraform.network.tfstate").build());
            // The provider the team runs everywhere; the 18.x bindings would pin the 5.23.1 they were generated from.
            addOverride("terraform.required_providers.aws.version", "~> 5.80");
            vpc = Vpc.Builder.create(this, "orders").cidrBlock("10.40.0.0/16").build();
            privateSubnets = List.of(
                    Subnet.Builder.create(this, "private_a").vpcId(vpc.getId()).cidrBlock("10.40.1.0/24").availabilityZone("eu-west-1a").build(),
                    Subnet.Builder.create(this, "private_b").vpcId(vpc.getId()).cidrBlock("10.40.2.0/24").availabilityZone("eu-west-1b").build());
        }
    }

    /** The orders service's cache and Celery broker, with its URLs as stack outputs. */
    static final class OrdersCacheStack extends TerraformStack {
        OrdersCacheStack(Construct scope, String id, NetworkStack network) {
            super(scope, id);
            new AwsProvider(this, "aws", AwsProviderConfig.builder().region("eu-west-1").build());
            new LocalBackend(this, LocalBackendConfig.builder().path("terraform.orders-cache.tfstate").build());

            // The orders service's tasks run in a security group this stack creates: its id is a token, known only
            // after apply, and the module plans with it all the same.
            SecurityGroup orders = SecurityGroup.Builder.create(this, "orders_tasks")
                    .namePrefix("orders-tasks-")
                    .description("Orders web and Celery worker tasks")
                    .vpcId(network.vpc.getId())
                    .build();

            RedisModule cache = new RedisModule(this, "orders_cache", RedisModuleConfig.builder()
                    .name("orders-cache")
                    .environment("staging")
                    .nodeType("cache.t4g.small")
                    // another stack's resources: cdktf reads them from its state (cross-stack references)
                    .vpcId(network.vpc.getId())
                    .subnetIds(network.privateSubnets.stream().map(Subnet::getId).toList())
                    .allowedSecurityGroupIds(List.of(orders.getId()))
                    .tags(Map.of("Service", "orders"))
                    // Django and Celery each connect as their own Redis user; the passwords live in Secrets Manager
                    .rbacUsers(Map.of("django", "on ~:1:* +@all", "celery", "on ~celery* ~_kombu* ~unacked* &* +@all"))
                    .redisUrlUser("django")
                    .celeryBrokerUrlUser("celery")
                    .build());

            // The orders tasks' role reads exactly this cluster's user secrets, nothing else.
            IamRole tasks = IamRole.Builder.create(this, "orders_tasks_role")
                    .namePrefix("orders-tasks-")
                    .assumeRolePolicy(ECS_TASKS_TRUST)
                    .build();
            cache.grantSecretsRead(tasks);

            // Every output of the module under its own name, the secret ones (redis_url, celery_broker_url...) sensitive.
            cache.exportOutputs(this, "");
            // The worker service reads only the celery user's secret: one entry, resolved by Terraform.
            new TerraformOutput(this, "celery_secret_arn", TerraformOutputConfig.builder()
                    .value(cache.getUserSecretArn("celery")).description("The celery user's secret, for the workers' task definition").build());
        }
    }

    /** The chat app's Redis in split mode: adapter and state clusters, one AUTH token in Secrets Manager. */
    static final class ChatStack extends TerraformStack {
        ChatStack(Construct scope, String id) {
            super(scope, id);
            new AwsProvider(this, "aws", AwsProviderConfig.builder().region("eu-west-1").build());
            new LocalBackend(this, LocalBackendConfig.builder().path("terraform.chat-split.tfstate").build());

            ChatRedis chat = new ChatRedis(this, "chat", ChatRedisConfig.builder()
                    .baseName("chat-example")
                    .environment("prod")
                    .vpcId(VPC_ID)
                    .privateSubnetIds(List.of("subnet-0e1f2a3b4c5d6e7f1", "subnet-0e1f2a3b4c5d6e7f2"))
                    .allowedSecurityGroupIds(List.of("sg-0e1f2a3b4c5d6e7f0"))
                    .enableRedisSplit(true)
                    .redisAdapterNodeType("cache.r6g.large")
                    .redisAdapterReplicas(1)
                    .redisStateNodeType("cache.m6g.large")
                    .redisStateReplicas(1)
                    .secretKmsKeyArn("arn:aws:kms:eu-west-1:123456789012:key/0e1f2a3b-4c5d-6e7f-8091-a2b3c4d5e6f7")
                    .build());

            // The realtime tasks read the AUTH token's secret and decrypt it, and nothing else.
            IamRole realtime = IamRole.Builder.create(this, "realtime_tasks_role")
                    .namePrefix("realtime-tasks-")
                    .assumeRolePolicy(ECS_TASKS_TRUST)
                    .build();
            chat.grantSecretsRead(realtime);

            // The endpoints, the port, the AUTH secret's ARN and name, and the two URLs (sensitive).
            chat.exportOutputs(this, "");
        }
    }

    public static void main(String[] args) {
        App app = new App();
        NetworkStack network = new NetworkStack(app, "network");
        new OrdersCacheStack(app, "orders-cache", network);
        new ChatStack(app, "chat-split");
        app.synth();
        // The jsii runtime keeps non-daemon threads; exit so the JVM ends when the work is done.
        System.exit(0);
    }
}
