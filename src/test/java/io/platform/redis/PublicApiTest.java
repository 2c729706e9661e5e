package io.platform.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.InvalidConfigException;
import io.platform.redis.chat.ChatRedis;
import io.platform.redis.chat.ChatRedisConfig;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The public API is a deliberate decision: these classes are what other teams compile against, their signatures are
 * pinned in {@code src/test/resources/public-api.txt}, and none of them exposes a type of the project's internal
 * packages. To change the API on purpose, run {@code mvn test -Dtest=PublicApiTest -Dpublic.api.update=true} and
 * commit the file's diff with the change.
 */
class PublicApiTest {
    static final List<Class<?>> API = List.of(RedisModule.class, RedisModuleConfig.class, RedisModuleConfig.Builder.class,
            RedisModuleOutputs.class, ChatRedis.class, ChatRedisConfig.class, ChatRedisConfig.Builder.class,
            InvalidConfigException.class, InvalidConfigException.Problem.class, Sensitive.class);
    static final Path PINNED = Path.of("src/test/resources/public-api.txt");

    /** Every public constructor and method the API classes declare (and the outputs' default getters). */
    private static List<Executable> members(Class<?> type) {
        List<Executable> members = new ArrayList<>();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (Modifier.isPublic(constructor.getModifiers())) {
                members.add(constructor);
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                members.add(method);
            }
        }
        return members;
    }

    private static String listing() {
        Set<String> lines = new TreeSet<>();
        for (Class<?> type : API) {
            lines.add(type.toGenericString());
            for (Executable member : members(type)) {
                lines.add(type.getName() + " :: " + member.toGenericString().replace(type.getName() + ".", ""));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void thePublicApiIsPinned() throws IOException {
        String actual = listing();
        if (Boolean.getBoolean("public.api.update")) {
            Files.writeString(PINNED, actual);
        }
        assertEquals(Files.readString(PINNED), actual, "the public API changed: if on purpose, run "
                + "mvn test -Dtest=PublicApiTest -Dpublic.api.update=true and commit " + PINNED);
    }

    /** Parameters, results and supertypes of the API name Java, cdktf, constructs or the API itself, nothing internal. */
    @Test
    void noInternalTypeAppearsInAPublicSignature() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : API) {
            List<Type> mentioned = new ArrayList<>(List.of(type.getGenericInterfaces()));
            if (type.getGenericSuperclass() != null) {
                mentioned.add(type.getGenericSuperclass());
            }
            for (Executable member : members(type)) {
                mentioned.addAll(List.of(member.getGenericParameterTypes()));
                mentioned.addAll(List.of(member.getGenericExceptionTypes()));
                if (member instanceof Method method) {
                    mentioned.add(method.getGenericReturnType());
                }
            }
            for (Type t : mentioned) {
                for (Class<?> used : classesIn(t)) {
                    if (!allowed(used)) {
                        leaks.add(type.getSimpleName() + " exposes " + used.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static boolean allowed(Class<?> used) {
        String name = used.getName();
        return used.isPrimitive() || API.contains(used) || name.startsWith("java.") || name.startsWith("com.hashicorp.cdktf.")
                || name.startsWith("software.constructs.");
    }

    private static List<Class<?>> classesIn(Type type) {
        List<Class<?>> classes = new ArrayList<>();
        if (type instanceof Class<?> c) {
            classes.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            classes.addAll(classesIn(p.getRawType()));
            for (Type argument : p.getActualTypeArguments()) {
                classes.addAll(classesIn(argument));
            }
        }
        return classes;
    }
}
