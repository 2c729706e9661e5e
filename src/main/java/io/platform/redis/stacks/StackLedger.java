package io.platform.redis.stacks;

import com.hashicorp.cdktf.TerraformStack;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import software.constructs.Construct;

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
    private final Map<String, String> claims = new LinkedHashMap<>();
    private final List<Map<String, String>> moves = new ArrayList<>();

    private StackLedger(TerraformStack stack) {
        this.stack = stack;
    }

    /** The ledger of the stack {@code scope} belongs to. */
    public static StackLedger of(Construct scope) {
        return LEDGERS.computeIfAbsent(TerraformStack.of(scope), StackLedger::new);
    }

    /** Claims a Terraform name (e.g. {@code module "cache"}): two elements of one name, and Terraform keeps one. */
    public void claimTerraformName(String name, String path) {
        claim(name, path, "Terraform would keep only one of them. Give one of them another id.");
    }

    /** Claims an AWS name (e.g. {@code replication group id "orders-cache"}): AWS refuses the second at apply. */
    public void claimAwsName(String name, String path) {
        claim(name, path, "AWS would refuse the second one at apply. Give one of them another name.");
    }

    /** @throws IllegalArgumentException when another construct of the stack already claimed {@code name} */
    private synchronized void claim(String name, String path, String consequence) {
        String holder = claims.putIfAbsent(name, path);
        if (holder != null && !holder.equals(path)) {
            throw new IllegalArgumentException("stack " + stack.getNode().getId() + ": " + name + " is used by two constructs, "
                    + holder + " and " + path + "; " + consequence);
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
