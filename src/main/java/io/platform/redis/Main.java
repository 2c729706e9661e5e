package io.platform.redis;

import io.platform.redis.config.InvalidStacksException;
import io.platform.redis.config.StackFile;
import io.platform.redis.config.StackFileReader;
import io.platform.redis.synth.Synthesizer;
import java.nio.file.Path;
import java.util.List;

/**
 * The main job: read and check every stack file in {@code stacks/}, then synthesize one Terraform stack per
 * environment into {@code cdktf.out/stacks/<stack>/} and regenerate the exported module in {@code modules/redis}.
 * Run from the project folder (Maven and the cdktf CLI both do). Exit code 1 when a stack file is invalid.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Path project = Path.of("").toAbsolutePath();
        String outdir = System.getenv().getOrDefault("CDKTF_OUTDIR", "cdktf.out");
        int status;
        try {
            List<StackFile> stacks = StackFileReader.readAll(project, project.resolve("stacks"));
            Synthesizer.run(stacks, project.resolve(outdir), project.resolve("modules").resolve("redis"));
            System.out.println("Synthesized " + stacks.size() + " stack(s) into " + outdir + "/stacks: "
                    + String.join(", ", stacks.stream().map(StackFile::stack).toList()) + "; module written to modules/redis");
            status = 0;
        } catch (InvalidStacksException e) {
            System.err.println(e.getMessage());
            System.err.println("Nothing was written: cdktf.out/ and modules/ are unchanged.");
            status = 1;
        }
        // The jsii runtime keeps non-daemon threads; exit explicitly so the status reaches the shell.
        System.exit(status);
    }
}
