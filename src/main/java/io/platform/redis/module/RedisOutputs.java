package io.platform.redis.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The module's outputs, declared once. The first six keep the names of the module this project replaces, so
 * existing tofu and Terratest workflows keep working. Values are wired in {@link RedisModuleStack}.
 */
public final class RedisOutputs {
    private RedisOutputs() {
    }

    public static final ModuleOutput PRIMARY_ENDPOINT_ADDRESS = new ModuleOutput("primary_endpoint_address", VariableType.STRING,
            "Primary endpoint (read/write).", false);
    public static final ModuleOutput READER_ENDPOINT_ADDRESS = new ModuleOutput("reader_endpoint_address", VariableType.STRING,
            "Reader endpoint (read-only), spread over the replicas.", false);
    public static final ModuleOutput PORT = new ModuleOutput("port", VariableType.NUMBER, "Redis port.", false);
    public static final ModuleOutput REDIS_URL = new ModuleOutput("redis_url", VariableType.STRING,
            "Connection URL for the Django cache, DB 0: redis://host:port/0, rediss:// with TLS, with the AUTH token when enabled.", true);
    public static final ModuleOutput CELERY_BROKER_URL = new ModuleOutput("celery_broker_url", VariableType.STRING,
            "Connection URL for the Celery broker and result backend, DB 1: as redis_url, and with TLS it ends in "
                    + "?ssl_cert_reqs=required, which Celery's Redis result backend demands of a rediss:// URL.", true);
    public static final ModuleOutput CONNECTION_URL = new ModuleOutput("connection_url", VariableType.STRING,
            "Connection URL without a database number, rediss://:<token>@host:port with TLS and AUTH (ioredis, Socket.IO).", true);
    public static final ModuleOutput REDIS_SECURITY_GROUP_ID = new ModuleOutput("redis_security_group_id", VariableType.STRING,
            "Id of the security group created for the nodes, or the first of security_group_ids when none is created.", false);
    public static final ModuleOutput REPLICATION_GROUP_ID = new ModuleOutput("replication_group_id", VariableType.STRING,
            "Id of the replication group.", false);
    public static final ModuleOutput REPLICATION_GROUP_ARN = new ModuleOutput("replication_group_arn", VariableType.STRING,
            "ARN of the replication group.", false);
    public static final ModuleOutput MEMBER_CLUSTERS = new ModuleOutput("member_clusters", VariableType.STRING_LIST,
            "Ids of the member nodes, for per-node CloudWatch alarms.", false);
    public static final ModuleOutput ENGINE_VERSION_ACTUAL = new ModuleOutput("engine_version_actual", VariableType.STRING,
            "Engine version running, e.g. 7.1.0.", false);
    public static final ModuleOutput PARAMETER_GROUP_NAME = new ModuleOutput("parameter_group_name", VariableType.STRING,
            "Name of the parameter group.", false);
    public static final ModuleOutput SUBNET_GROUP_NAME = new ModuleOutput("subnet_group_name", VariableType.STRING,
            "Name of the subnet group.", false);
    public static final ModuleOutput SLOW_LOG_GROUP_NAME = new ModuleOutput("slow_log_group_name", VariableType.STRING,
            "CloudWatch log group receiving the slow log.", false);
    public static final ModuleOutput ENGINE_LOG_GROUP_NAME = new ModuleOutput("engine_log_group_name", VariableType.STRING,
            "CloudWatch log group receiving the engine log.", false);
    public static final ModuleOutput AUTH_TOKEN = new ModuleOutput("auth_token", VariableType.STRING,
            "The AUTH token in use, or null when AUTH is off.", true);

    public static final ModuleOutput ALARM_NAMES = new ModuleOutput("alarm_names", VariableType.STRING_LIST,
            "Names of the CloudWatch alarms, one per member node and metric (<node id>-<metric>); empty with alarms_enabled = false.", false);
    public static final ModuleOutput ALARM_ARNS = new ModuleOutput("alarm_arns", VariableType.STRING_LIST,
            "ARNs of the CloudWatch alarms, in the order of alarm_names.", false);

    public static final ModuleOutput PARAMETER_GROUP_ARN = new ModuleOutput("parameter_group_arn", VariableType.STRING,
            "ARN of the parameter group the module created; null with create_parameter_group = false.", false);
    public static final ModuleOutput SECURITY_GROUP_ARN = new ModuleOutput("security_group_arn", VariableType.STRING,
            "ARN of the security group the module created; null with create_security_group = false.", false);
    public static final ModuleOutput SECURITY_GROUP_NAME = new ModuleOutput("security_group_name", VariableType.STRING,
            "Name of the security group the module created; null with create_security_group = false.", false);
    public static final ModuleOutput SLOW_LOG_GROUP_ARN = new ModuleOutput("slow_log_group_arn", VariableType.STRING,
            "ARN of the slow-log CloudWatch log group (for IAM policies and subscriptions).", false);
    public static final ModuleOutput ENGINE_LOG_GROUP_ARN = new ModuleOutput("engine_log_group_arn", VariableType.STRING,
            "ARN of the engine-log CloudWatch log group.", false);
    public static final ModuleOutput HOST = new ModuleOutput("host", VariableType.STRING,
            "The name clients use: the dns_subdomain record's name when there is one, else the primary endpoint. The URL "
                    + "outputs keep the endpoint, whose name the TLS certificate carries.", false);

    public static final ModuleOutput HOST_REDIS_URL = new ModuleOutput("host_redis_url", VariableType.STRING,
            "redis_url on host instead of the endpoint (DB 0). With TLS the server's certificate names the AWS endpoint, not "
                    + "your record: a client that checks the host name needs to be told the endpoint's name (redis-py "
                    + "ssl_check_hostname=False with the CA check kept, ioredis tls.servername = primary_endpoint_address).", true);
    public static final ModuleOutput USER_URLS = new ModuleOutput("user_urls", VariableType.STRING_MAP,
            "RBAC: each rbac_users user's connection URL without a database number, rediss://<user>:<password>@host:port "
                    + "(add /0, /1 for a database).", true).keyedBy("user", RedisVariables.RBAC_USERS);
    public static final ModuleOutput USER_SECRET_ARNS = new ModuleOutput("user_secret_arns", VariableType.STRING_MAP,
            "RBAC: the Secrets Manager secret of each rbac_users user ({username, password}); grant apps GetSecretValue on theirs.", false)
            .keyedBy("user", RedisVariables.RBAC_USERS);

    public static final ModuleOutput SECRETS_READ_POLICY_JSON = new ModuleOutput("secrets_read_policy_json", VariableType.STRING,
            "RBAC: an IAM policy (JSON) that reads exactly this cluster's user secrets (GetSecretValue, DescribeSecret) and, "
                    + "with secret_kms_key_arn, decrypts them through Secrets Manager only; attach it to the apps' roles "
                    + "(aws_iam_role_policy). Null without rbac_users.", false);

    public static final List<ModuleOutput> ALL = List.of(PRIMARY_ENDPOINT_ADDRESS, READER_ENDPOINT_ADDRESS, PORT,
            REDIS_URL, CELERY_BROKER_URL, CONNECTION_URL, REDIS_SECURITY_GROUP_ID, REPLICATION_GROUP_ID, REPLICATION_GROUP_ARN,
            MEMBER_CLUSTERS, ENGINE_VERSION_ACTUAL, PARAMETER_GROUP_NAME, SUBNET_GROUP_NAME, SLOW_LOG_GROUP_NAME,
            ENGINE_LOG_GROUP_NAME, AUTH_TOKEN, ALARM_NAMES, ALARM_ARNS, PARAMETER_GROUP_ARN, SECURITY_GROUP_ARN, SECURITY_GROUP_NAME,
            SLOW_LOG_GROUP_ARN, ENGINE_LOG_GROUP_ARN, HOST, HOST_REDIS_URL, USER_URLS, USER_SECRET_ARNS,
            SECRETS_READ_POLICY_JSON);

    /**
     * Every output as the {@code output} block of a root that exports a call of the module under the same names,
     * descriptions and sensitivity (what the typed API's {@code exportOutputs} writes), by name.
     */
    public static Map<String, Object> exportedBlocks(String moduleCall) {
        Map<String, Object> blocks = new LinkedHashMap<>();
        for (ModuleOutput output : ALL) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("description", output.description());
            block.put("sensitive", output.sensitive());
            block.put("value", "${module." + moduleCall + "." + output.name() + "}");
            blocks.put(output.name(), block);
        }
        return blocks;
    }
}
