package io.platform.redis.app;

import io.platform.redis.config.InvalidStacksException;
import io.platform.redis.config.Safeguards;
import io.platform.redis.config.StackFile;
import io.platform.redis.config.StackFileReader;
import io.platform.redis.cost.CostReport;
import io.platform.redis.daytwo.RunningClusterChanges;
import io.platform.redis.docs.GeneratedDocs;
import io.platform.redis.module.OnRunningCluster;
import io.platform.redis.files.Directories;
import io.platform.redis.synth.Synthesizer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The main job: read and check every stack file in {@code stacks/}, then synthesize one Terraform stack per
 * environment into {@code cdktf.out/stacks/<stack>/} and regenerate the exported module in {@code modules/redis}.
 * Run from the project folder (Maven and the cdktf CLI both do). Exit code 1 when a stack file is invalid, and
 * then nothing is written.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Path project = Path.of("").toAbsolutePath();
        String outdir = System.getenv().getOrDefault("CDKTF_OUTDIR", "cdktf.out");
        int status = run(project, project.resolve(outdir), System.out, System.err, false);
        // The jsii runtime keeps non-daemon threads; exit explicitly so the status reaches the shell.
        System.exit(status);
    }

    /** The whole job for one project folder; returns the exit status. */
    public static int run(Path project, Path cdktfOut, PrintStream out, PrintStream err) {
        return run(project, cdktfOut, out, err, true);
    }

    /**
     * The job; the jsii runtime starts (and the module renders) while the stack files are read and checked. A run
     * that stops on a stack file waits for that start to end when {@code awaitOnError} (a caller in the same JVM goes
     * on with jsii); the command itself exits at once, so its errors print as soon as the files are read.
     */
    private static int run(Path project, Path cdktfOut, PrintStream out, PrintStream err, boolean awaitOnError) {
        Synthesizer.Preparation preparation = Synthesizer.prepare(project.resolve("modules").resolve("redis"));
        try {
            return checkAndRun(project, cdktfOut, out, err, preparation);
        } finally {
            if (awaitOnError) {
                preparation.close();
            }
        }
    }

    /**
     * The stack files, read and checked, what their edits do to the running clusters, and the docs and cost lines
     * they give: everything of a run that needs no jsii call.
     */
    record Checked(List<StackFile> stacks, List<RunningClusterChanges.Change> changes, Map<String, String> docs, List<String> cost) {
    }

    /**
     * Reads and checks every stack file and compares it with the last synthesized stacks; prints what is wrong and
     * returns null when nothing may be written, else renders the docs and the cost lines too (written once the stacks
     * are). Plain Java, no jsii call: it runs while the jsii runtime starts on another thread, which leaves a core idle
     * for about two seconds while node loads the AWS assembly (MainCommandTest proves it starts no runtime).
     */
    static Checked checked(Path project, Path cdktfOut, PrintStream err) {
        List<StackFile> stacks;
        try {
            stacks = StackFileReader.readAll(project, project.resolve("stacks"));
        } catch (InvalidStacksException e) {
            err.println(e.getMessage());
            err.println("Nothing was written: cdktf.out/, modules/ and docs/ are unchanged.");
            return null;
        }
        List<RunningClusterChanges.Change> changes = stacks.stream().flatMap(stack -> RunningClusterChanges.of(stack, cdktfOut).stream()).toList();
        List<RunningClusterChanges.Change> refused = changes.stream().filter(RunningClusterChanges.Change::refused).toList();
        if (!refused.isEmpty()) {
            List<RunningClusterChanges.Change> replacements = refused.stream().filter(c -> c.effect() == OnRunningCluster.REPLACES).toList();
            if (!replacements.isEmpty()) {
                err.println(replacements.size() + " change(s) would replace a protected cluster; the new cluster starts empty, so every key "
                        + "in the old one (Django's cache and sessions, Celery's queued tasks and results) is lost:");
            }
            for (RunningClusterChanges.Change change : replacements) {
                err.println("  - " + change.line());
                err.println("    to accept it: allow_replacement: [" + change.key() + "] in " + change.stack().source()
                        + ", then lift the module's guard before the apply (README, Day two)");
            }
            List<RunningClusterChanges.Change> unsafe = refused.stream().filter(c -> c.effect() == OnRunningCluster.REFUSED).toList();
            if (!unsafe.isEmpty()) {
                err.println(unsafe.size() + " edit(s) that ElastiCache accepts only in steps (the module refuses them at plan too):");
            }
            for (RunningClusterChanges.Change change : unsafe) {
                err.println("  - " + change.stack().source() + ": module." + change.module() + " (" + change.cluster() + "): "
                        + change.key() + ": " + change.note());
            }
            err.println("Nothing was written: cdktf.out/, modules/ and docs/ are unchanged.");
            return null;
        }
        return new Checked(stacks, changes, GeneratedDocs.files(stacks), CostReport.lines(stacks));
    }

    private static int checkAndRun(Path project, Path cdktfOut, PrintStream out, PrintStream err, Synthesizer.Preparation preparation) {
        Checked checked = checked(project, cdktfOut, err);
        if (checked == null) {
            return 1;
        }
        List<StackFile> stacks = checked.stacks();
        List<RunningClusterChanges.Change> changes = checked.changes();
        Synthesizer.Written run = Synthesizer.runReusingTheModule(preparation, stacks, cdktfOut);
        Path written = run.stacks();
        Directories.writeTree(checked.docs(), project.resolve("docs"));
        out.println("Synthesized " + stacks.size() + " stack(s) into " + project.relativize(written.toAbsolutePath())
                + "/stacks: " + String.join(", ", stacks.stream().map(StackFile::stack).toList())
                + (run.moduleReused() ? "; module in modules/redis kept (the code is the last run's)" : "; module written to modules/redis")
                + ", reference and guides to docs/");
        out.println("Monthly on-demand estimate of the nodes (docs/cost.md):");
        checked.cost().forEach(line -> out.println("  - " + line));
        if (!changes.isEmpty()) {
            out.println("What the edits do to the running clusters (against the last synthesized stacks; docs/change-safety.md):");
            changes.forEach(change -> out.println("  - " + change.line()));
        }
        for (StackFile stack : stacks) {
            for (String key : stack.allowReplacement()) {
                if (changes.stream().noneMatch(c -> c.stack() == stack && c.key().equals(key) && c.effect() == OnRunningCluster.REPLACES)) {
                    out.println("Note: " + stack.source() + ": allow_replacement names " + key + ", which replaces nothing now; "
                            + "remove it once the replacement is applied.");
                }
            }
        }
        List<String> off = stacks.stream().flatMap(stack -> Safeguards.turnedOff(stack).stream()).toList();
        if (!off.isEmpty()) {
            out.println("Safeguards turned off explicitly in stack files:");
            off.forEach(line -> out.println("  - " + line));
        }
        return 0;
    }
}
