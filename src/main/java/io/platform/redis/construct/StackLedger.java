package io.platform.redis.construct;

import com.hashicorp.cdktf.Aspects;
import com.hashicorp.cdktf.TerraformDataSource;
import com.hashicorp.cdktf.TerraformLocal;
import com.hashicorp.cdktf.TerraformModule;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformProvider;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import io.platform.redis.checks.ConfigChecks;
import io.platform.redis.module.AwsNames;
import io.platform.redis.module.RedisVariables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import software.constructs.Construct;
import software.constructs.IConstruct;
import software.constructs.Node;

/**
 * What the Redis constructs put into one stack, kept so that several of them can share it safely: the names each
 * claims (module calls, resources, AWS names) and the state moves they need.
 *
 * <p>Terraform JSON is a map: two constructs that give an element the same logical id do not fail, the second
 * silently replaces the first (a whole cluster disappears from the plan). Every name a Redis construct writes is
 * therefore claimed here first, and a second claim fails at synth, naming both constructs by their path.
 */
public final class StackLedger {
    private static final Map<TerraformStack, StackLedger> LEDGERS = Collections.synchronizedMap(new WeakHashMap<>());

    private final TerraformStack stack;
    /** The stack's node, read once when needed: every read of a construct's node is a round trip into the jsii runtime. */
    private Node node;
    private final Map<String, Claimant> claims = new LinkedHashMap<>();
    /** The AWS names claimed here, by the construct that claimed each. */
    private final Map<String, Claimant> awsNames = new LinkedHashMap<>();

    /**
     * The construct that claimed a name, and how to read its path: only an error message needs it, and each read is
     * two round trips into the jsii runtime (two per construct, 50 stacks: a tenth of a second).
     */
    private record Claimant(Object construct, java.util.function.Supplier<String> path) {
    }

    /** A claimant for {@code construct}, its path read when a message needs it. */
    private static Claimant claimant(IConstruct construct) {
        return new Claimant(construct, () -> construct.getNode().getPath());
    }
    private final List<Map<String, String>> moves = new ArrayList<>();

    private StackLedger(TerraformStack stack, boolean validateAtSynth) {
        this.stack = stack;
        if (validateAtSynth) {
            // The team's own elements are added before or after the Redis constructs: a clash with one of them is seen
            // only once the stack is complete, when cdktf validates it at synth. AWS names are unique per account and
            // region, not per stack: compared with the app's other stacks then too. One validation for both: each is a
            // callback from the jsii runtime, and the runtime nests every callback of one synth in the one before.
            node().addValidation(() -> {
                List<IConstruct> elements = node().findAll();
                List<String> errors = new ArrayList<>(elementsWithOneAddress(elements));
                errors.addAll(awsNamesUniqueInTheRegion(elements));
                return errors;
            });
        }
    }

    private synchronized Node node() {
        if (node == null) {
            node = stack.getNode();
        }
        return node;
    }

    private String awsRequirement;
    private String awsRequiredBy;

    /**
     * The Redis module in the stack needs hashicorp/aws {@code constraint}: added to the stack's own at synth, when the
     * stack is complete (the team may set its constraint before or after the construct; aspects run first at synth).
     * The aspect visits every construct of the stack, a jsii callback each: only stacks that ship the module get it.
     */
    public synchronized void requireAws(String constraint, String path) {
        if (awsRequirement == null) {
            Aspects.of(stack).add(node -> {
                if (node == stack) {
                    joinAwsConstraint();
                }
            });
        }
        awsRequirement = constraint;
        awsRequiredBy = path;
    }

    /**
     * The stack's hashicorp/aws constraint with the module's added: the team's bounds are kept ({@code ~> 5.80}
     * becomes {@code ~> 5.80, >= 5.73.0, < 7.0.0}); the bindings' own exact version, which no team chose, is replaced; a
     * constraint no version can meet together with the module's is refused, naming both.
     */
    @SuppressWarnings("unchecked")
    private synchronized void joinAwsConstraint() {
        if (awsRequirement == null) {
            return;
        }
        Object terraform = ((Map<String, Object>) stack.toTerraform()).get("terraform");
        Object providers = terraform instanceof Map<?, ?> t ? t.get("required_providers") : null;
        Object aws = providers instanceof Map<?, ?> p ? p.get("aws") : null;
        String current = aws instanceof Map<?, ?> a && a.get("version") instanceof String v ? v.strip() : null;
        String joined;
        if (current == null || current.isEmpty() || current.equals(bindingsVersion()) || current.equals(awsRequirement)) {
            joined = awsRequirement;
        } else if (current.contains(awsRequirement)) {
            return;
        } else if (VersionConstraint.compatible(current, awsRequirement)) {
            joined = current + ", " + awsRequirement;
        } else {
            throw new IllegalArgumentException("stack " + node().getId() + ": hashicorp/aws \"" + current + "\" (the stack's "
                    + "constraint) and \"" + awsRequirement + "\" (the Redis module, " + awsRequiredBy + ") admit no common version. "
                    + "Widen the stack's constraint.");
        }
        stack.addOverride("terraform.required_providers.aws.version", joined);
    }

    /** The exact version the stack's AWS bindings were generated from, which they write unless told otherwise. */
    private String bindingsVersion() {
        for (IConstruct construct : node().findAll()) {
            if (construct instanceof TerraformProvider provider && "aws".equals(provider.getTerraformResourceType())
                    && provider.getTerraformGeneratorMetadata() != null) {
                return provider.getTerraformGeneratorMetadata().getProviderVersion();
            }
        }
        return null;
    }

    /**
     * {@code output "<name>"} in {@code scope}'s stack, the name checked. Its construct id is {@code output_<name>}:
     * construct ids of outputs and resources share one namespace, Terraform's names do not.
     */
    public static TerraformOutput output(Construct scope, String name, Object value, String description, boolean sensitive) {
        checkIdentifier(name, () -> scope.getNode().getPath() + "/" + name);
        TerraformOutput output = new TerraformOutput(scope, outputConstructId(name), TerraformOutputConfig.builder()
                .value(value).description(description).sensitive(sensitive).build());
        output.overrideLogicalId(name);
        return output;
    }

    /** The construct id of {@code output "<name>"}. */
    public static String outputConstructId(String name) {
        return "output_" + name;
    }

    /** A Terraform identifier: what a module call, resource or output may be named (Terraform refuses others at init). */
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("^[A-Za-z_][A-Za-z0-9_-]*$");

    /** @throws IllegalArgumentException when {@code id}, which the construct writes as a Terraform name, is not one */
    public static void checkIdentifier(String id, java.util.function.Supplier<String> path) {
        // the path is read only for a bad id: each read is two round trips into the jsii runtime
        if (!IDENTIFIER.matcher(id).matches()) {
            throw new IllegalArgumentException(path.get() + ": construct id \"" + id + "\" is not a Terraform name (letters, digits, "
                    + "underscores and hyphens, starting with a letter or an underscore); terraform init would refuse it. "
                    + "Give the construct another id.");
        }
    }

    /**
     * How {@code scope} refers to an output of {@code module}: in the module's own stack, the expression cdktf would
     * write for the output's token ({@code ${module.<id>.<output>}}), without the jsii round trip per output a token
     * costs; in another stack the token, which cdktf turns into a cross-stack reference.
     */
    public static java.util.function.Function<String, Object> moduleOutputs(Construct scope, com.hashicorp.cdktf.TerraformHclModule module) {
        if (TerraformStack.of(scope) != TerraformStack.of(module)) {
            return module::get;
        }
        String prefix = "${module." + module.getFriendlyUniqueId() + ".";
        return output -> prefix + output + "}";
    }

    /** Two elements of the stack, the team's own included, that Terraform would address alike: one would be lost. */
    private static List<String> elementsWithOneAddress(List<IConstruct> elements) {
        Map<String, IConstruct> seen = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (IConstruct construct : elements) {
            String address = address(construct);
            IConstruct first = address == null ? null : seen.putIfAbsent(address, construct);
            if (first != null) {
                // paths are read only for a clash: each read is a round trip into the jsii runtime
                errors.add(address + " is written by two constructs, " + first.getNode().getPath() + " and "
                        + construct.getNode().getPath() + "; Terraform would keep only one of them. Give one of them another id.");
            }
        }
        return errors;
    }

    /** The address Terraform knows an element by, or null for what has none of its own (providers, backends). */
    private static String address(IConstruct construct) {
        if (construct instanceof TerraformResource resource) {
            return resource.getTerraformResourceType() + "." + resource.getFriendlyUniqueId();
        }
        if (construct instanceof TerraformDataSource data) {
            return "data." + data.getTerraformResourceType() + "." + data.getFriendlyUniqueId();
        }
        if (construct instanceof TerraformModule module) {
            return "module." + module.getFriendlyUniqueId();
        }
        if (construct instanceof TerraformOutput output) {
            return "output." + output.getFriendlyUniqueId();
        }
        if (construct instanceof TerraformVariable variable) {
            return "var." + variable.getFriendlyUniqueId();
        }
        if (construct instanceof TerraformLocal local) {
            return "local." + local.getFriendlyUniqueId();
        }
        return null;
    }

    /** The ledger of the stack {@code scope} belongs to (a construct's scope is cheaper: a stack is its own). */
    public static StackLedger of(Construct scope) {
        // TerraformStack.of is a round trip into the jsii runtime; a stack needs none
        return LEDGERS.computeIfAbsent(scope instanceof TerraformStack stack ? stack : TerraformStack.of(scope),
                stack -> new StackLedger(stack, true));
    }

    /**
     * The ledger of a stack the app builds from a stack file alone (the main command's environment stacks), made
     * before anything is added to it. Everything in such a stack comes from the Redis constructs, which claim their
     * names here as they are made, and the stack files' AWS names are compared when the files are read: the check of
     * the complete stack at synth, which exists for a team's own elements, has nothing to add there and would cost six
     * round trips into the jsii runtime per stack, a callback among them.
     *
     * @throws IllegalStateException when the stack has a ledger already
     */
    public static StackLedger ofOwnStack(TerraformStack stack) {
        StackLedger ledger = new StackLedger(stack, false);
        if (LEDGERS.putIfAbsent(stack, ledger) != null) {
            throw new IllegalStateException("the stack has a ledger already: ofOwnStack comes before any construct");
        }
        return ledger;
    }

    /**
     * What a module call with these inputs asks AWS for ({@link AwsNames#claimed}), when its name and RBAC users are
     * literal: a token is a value of the apply, which no check before it can compare.
     */
    public static List<String> awsNamesOfCall(Map<String, Object> inputs) {
        Object users = inputs.get(RedisVariables.RBAC_USERS.name());
        if (!(inputs.get(RedisVariables.NAME.name()) instanceof String name) || ConfigChecks.isToken(name) || ConfigChecks.isToken(users)) {
            return List.of();
        }
        List<String> userNames = users instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf).sorted().toList() : List.of();
        return AwsNames.claimed(name, userNames);
    }

    /** Claims a Terraform name (e.g. {@code module "cache"}) for {@code construct}: two elements of one name, and Terraform keeps one. */
    public void claimTerraformName(String name, IConstruct construct) {
        claim(name, claimant(construct), "Terraform would keep only one of them. Give one of them another id.");
    }

    /** Claims an AWS name (e.g. {@code replication group id "orders-cache"}) for {@code construct}: AWS refuses the second at apply. */
    public void claimAwsName(String name, IConstruct construct) {
        Claimant claimant = claimant(construct);
        claim(name, claimant, "AWS would refuse the second one at apply. Give one of them another name.");
        synchronized (this) {
            awsNames.putIfAbsent(name, claimant);
        }
    }

    /**
     * The AWS names of this stack that another stack of the app claims too, in the same region (the AWS provider's
     * literal region; stacks that set none share the environment's). Reported by the later stack of the pair only.
     */
    private List<String> awsNamesUniqueInTheRegion(List<IConstruct> elements) {
        List<String> errors = new ArrayList<>();
        Map<String, Claimant> ours;
        synchronized (this) {
            ours = new LinkedHashMap<>(awsNames);
        }
        if (ours.isEmpty()) {
            return errors;
        }
        List<StackLedger> ledgers;
        synchronized (LEDGERS) {
            ledgers = new ArrayList<>(LEDGERS.values());
        }
        for (StackLedger other : ledgers) {
            if (other == this) {
                continue;
            }
            Map<String, Claimant> theirs;
            synchronized (other) {
                theirs = new LinkedHashMap<>(other.awsNames);
            }
            // The names first, in Java: the app, the path and the region are read from the jsii runtime only for a
            // pair of stacks that share one (four round trips a stack otherwise).
            List<String> shared = ours.keySet().stream().filter(theirs::containsKey).toList();
            if (shared.isEmpty()) {
                continue;
            }
            Object region = region(elements);
            // the app's other stacks: the same scope (jsii hands back one Java object per construct)
            if (region == UNKNOWN || other.app() != app() || other.path().compareTo(path()) > 0
                    || !java.util.Objects.equals(other.region(null), region)) {
                continue;
            }
            for (String name : shared) {
                errors.add(name + " is used in two stacks of the app in region " + (region == null ? "(the environment's)" : region)
                        + ", by " + theirs.get(name).path().get() + " and " + ours.get(name).path().get() + "; AWS would refuse the "
                        + "second one at apply. Give one of them another name.");
            }
        }
        return errors;
    }

    private static final Object UNKNOWN = new Object();
    private static final Object NOT_READ = new Object();
    private Object region = NOT_READ;
    private String path;

    /**
     * The region of the stack's default AWS provider: its literal region, null when it sets none, UNKNOWN for a token.
     * Read once, at synth, when the stack is complete: every stack of the app compares with every other, and each read
     * crosses into the jsii runtime. {@code elements} are the stack's constructs when the caller has them, else null.
     */
    private synchronized Object region(List<IConstruct> elements) {
        if (region == NOT_READ) {
            region = null;
            for (IConstruct construct : elements != null ? elements : node().findAll()) {
                if (construct instanceof com.hashicorp.cdktf.providers.aws.provider.AwsProvider aws && aws.getAlias() == null) {
                    String literal = aws.getRegion();
                    region = literal == null ? null : ConfigChecks.isToken(literal) ? UNKNOWN : literal; // no round trip
                    break;
                }
            }
        }
        return region;
    }

    private Object app = NOT_READ;

    private synchronized Object app() {
        if (app == NOT_READ) {
            app = node().getScope();
        }
        return app;
    }

    private synchronized String path() {
        if (path == null) {
            path = node().getPath();
        }
        return path;
    }

    /** @throws IllegalArgumentException when another construct of the stack already claimed {@code name} */
    private synchronized void claim(String name, Claimant claimant, String consequence) {
        Claimant holder = claims.putIfAbsent(name, claimant);
        if (holder != null && holder.construct() != claimant.construct()) {
            throw new IllegalArgumentException("stack " + node().getId() + ": " + name + " is used by two constructs, "
                    + holder.path().get() + " and " + claimant.path().get() + "; " + consequence);
        }
    }

    /**
     * Adds a {@code moved} block to the stack: an object at {@code from} in an existing state is the one now
     * addressed {@code to}, so Terraform renames it instead of destroying and recreating it.
     */
    public synchronized void move(String from, String to) {
        Map<String, String> move = new LinkedHashMap<>();
        move.put("from", from);
        move.put("to", to);
        moves.add(move);
        stack.addOverride("moved", List.copyOf(moves));
    }
}
