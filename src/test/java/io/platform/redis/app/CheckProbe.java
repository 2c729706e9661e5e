package io.platform.redis.app;

import java.nio.file.Path;
import software.amazon.jsii.JsiiEngine;

/**
 * Run in a JVM of its own by MainCommandTest: reads and checks a project's stack files as the main command does while
 * the jsii runtime starts on its other thread, then prints how many child processes the JVM has (the jsii runtime is
 * one, a node process). With {@code --start-jsii} it starts the runtime first: the check's own control.
 * Usage: CheckProbe PROJECT [--start-jsii]
 */
final class CheckProbe {
    private CheckProbe() {
    }

    public static void main(String[] args) {
        if (args.length > 1 && args[1].equals("--start-jsii")) {
            JsiiEngine.getInstance().loadModule(com.hashicorp.cdktf.$Module.class);
        }
        Path project = Path.of(args[0]);
        Main.Checked checked = Main.checked(project, project.resolve("cdktf.out"), System.err);
        System.out.println("stacks: " + (checked == null ? "invalid" : checked.stacks().size()) + ", child processes: "
                + ProcessHandle.current().children().count());
        System.exit(0);
    }
}
