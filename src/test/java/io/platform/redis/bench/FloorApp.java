package io.platform.redis.bench;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;

/**
 * The floor of build/benchmark.sh: the least any cdktf Java program with the AWS provider pays, a JVM, the jsii
 * runtime, the AWS assembly and one empty stack synthesized. Usage: FloorApp OUTDIR
 */
public final class FloorApp {
    private FloorApp() {
    }

    public static void main(String[] args) {
        App app = new App(AppConfig.builder().outdir(args[0]).build());
        TerraformStack stack = new TerraformStack(app, "floor");
        new AwsProvider(stack, "aws", AwsProviderConfig.builder().region("eu-west-1").build());
        new LocalBackend(stack, LocalBackendConfig.builder().path("floor.tfstate").build());
        app.synth();
        System.exit(0);
    }
}
