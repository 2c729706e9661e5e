package io.platform.redis.support;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.HandlerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A gRPC relay between terraform and one running AWS provider: every call of the plugin protocol passes through byte
 * for byte, except the schema request, whose answer keeps only the resource and data source types the project names
 * ({@link NamedResourceTypes}) and is then served from memory.
 *
 * <p>Why: the AWS provider describes about 2,000 types, and every terraform command that loads the provider decodes
 * all of them (about 1 s of CPU, and half a second of the provider's to build the answer), while this project uses a
 * few dozen. Plans, applies and state reads still go to the real provider, which plans with its full self; terraform
 * validates each configuration against the same schema of each type it uses. A configuration naming a type that no
 * file of the project names fails with terraform's own error, "The provider hashicorp/aws does not support resource
 * type", naming it.
 *
 * <p>Terraform reaches the relay on a loopback TCP port (its {@code TF_REATTACH_PROVIDERS} accepts tcp addresses);
 * the relay reaches the provider on the Unix socket the provider's debug mode printed.
 */
final class SchemaTrimmingRelay implements AutoCloseable {
    private static final String SCHEMA_METHOD = "tfplugin5.Provider/GetSchema";
    /** GetProviderSchema.Response: resource_schemas, data_source_schemas (maps: repeated entries, key = field 1). */
    private static final Set<Integer> TYPE_MAPS = Set.of(2, 3);

    private final Server server;
    private final ManagedChannel provider;
    private final EventLoopGroup loop;

    /** Netty says at every connection that a Unix socket has no TCP keepalive, which gRPC's client asks for. */
    private static final Logger KEEPALIVE_WARNINGS = Logger.getLogger("io.grpc.netty.shaded.io.netty.bootstrap");

    static {
        KEEPALIVE_WARNINGS.setLevel(Level.SEVERE);
    }

    private SchemaTrimmingRelay(Server server, ManagedChannel provider, EventLoopGroup loop) {
        this.server = server;
        this.provider = provider;
        this.loop = loop;
    }

    /** Whether a relay can run here (Netty's native transport reaches Unix sockets on Linux only). */
    static boolean available() {
        return Epoll.isAvailable();
    }

    /**
     * Starts a relay to the provider listening on Unix socket {@code socket}; {@code schema} holds the trimmed answer
     * once one relay asked for it, shared by every relay to the same provider binary.
     */
    static SchemaTrimmingRelay start(String socket, Set<String> keep, AtomicReference<byte[]> schema) throws IOException {
        EventLoopGroup loop = new EpollEventLoopGroup(1);
        ManagedChannel provider = NettyChannelBuilder.forAddress(new DomainSocketAddress(socket))
                .eventLoopGroup(loop).channelType(EpollDomainSocketChannel.class)
                .usePlaintext().maxInboundMessageSize(Integer.MAX_VALUE).build();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .maxInboundMessageSize(Integer.MAX_VALUE)
                .fallbackHandlerRegistry(new HandlerRegistry() {
                    @Override
                    public ServerMethodDefinition<?, ?> lookupMethod(String method, String authority) {
                        MethodDescriptor<byte[], byte[]> descriptor = MethodDescriptor.<byte[], byte[]>newBuilder()
                                .setType(MethodDescriptor.MethodType.UNKNOWN).setFullMethodName(method)
                                .setRequestMarshaller(RAW).setResponseMarshaller(RAW).build();
                        return ServerMethodDefinition.create(descriptor, handler(method, provider, keep, schema));
                    }
                })
                .build().start();
        return new SchemaTrimmingRelay(server, provider, loop);
    }

    /** The address terraform attaches to, host:port. */
    String address() {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        provider.shutdownNow();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** How a call of {@code method} is answered: the schema request from memory once known, anything else by the provider. */
    private static ServerCallHandler<byte[], byte[]> handler(String method, ManagedChannel provider, Set<String> keep,
                                                             AtomicReference<byte[]> schema) {
        if (!SCHEMA_METHOD.equals(method)) {
            return (call, headers) -> relay(provider, call, headers, UnaryOperator.identity());
        }
        return (call, headers) -> {
            byte[] known = schema.get();
            return known != null ? answer(call, known) : relay(provider, call, headers, answer -> kept(trim(answer, keep), schema));
        };
    }

    /** The first trimmed answer of all relays to one provider binary, said once; later ones are the same bytes. */
    private static byte[] kept(Trimmed trimmed, AtomicReference<byte[]> schema) {
        if (schema.compareAndSet(null, trimmed.answer())) {
            System.out.printf("[terraform] the AWS provider's schema as terraform sees it here: %d of its %d resource and data source"
                    + " types, those the project's files name%n", trimmed.kept(), trimmed.offered());
        }
        return schema.get();
    }

    /** Answers a call with {@code answer}, without asking the provider. */
    private static ServerCall.Listener<byte[]> answer(ServerCall<byte[], byte[]> call, byte[] answer) {
        call.request(1);
        return new ServerCall.Listener<>() {
            @Override
            public void onHalfClose() {
                call.sendHeaders(new Metadata());
                call.sendMessage(answer);
                call.close(Status.OK, new Metadata());
            }
        };
    }

    /**
     * Passes one call through to the provider: terraform's messages to it, its headers, messages (each through
     * {@code rewrite}) and status back. One lock per call: neither side's call object may be used by two threads.
     */
    private static ServerCall.Listener<byte[]> relay(ManagedChannel provider, ServerCall<byte[], byte[]> call, Metadata headers,
                                                     UnaryOperator<byte[]> rewrite) {
        Object lock = new Object();
        ClientCall<byte[], byte[]> outbound = provider.newCall(call.getMethodDescriptor(), CallOptions.DEFAULT);
        synchronized (lock) {
            outbound.start(new ClientCall.Listener<>() {
                @Override
                public void onHeaders(Metadata answerHeaders) {
                    synchronized (lock) {
                        call.sendHeaders(answerHeaders);
                    }
                }

                @Override
                public void onMessage(byte[] message) {
                    synchronized (lock) {
                        call.sendMessage(rewrite.apply(message));
                        outbound.request(1);
                    }
                }

                @Override
                public void onClose(Status status, Metadata trailers) {
                    synchronized (lock) {
                        call.close(status, trailers);
                    }
                }
            }, headers);
            outbound.request(1);
            call.request(1);
        }
        return new ServerCall.Listener<>() {
            @Override
            public void onMessage(byte[] message) {
                synchronized (lock) {
                    outbound.sendMessage(message);
                    call.request(1);
                }
            }

            @Override
            public void onHalfClose() {
                synchronized (lock) {
                    outbound.halfClose();
                }
            }

            @Override
            public void onCancel() {
                synchronized (lock) {
                    outbound.cancel("terraform cancelled the call", null);
                }
            }
        };
    }

    /** A trimmed schema answer, with how many types it keeps of how many the provider offered. */
    record Trimmed(byte[] answer, int kept, int offered) {
    }

    /** The schema answer with only the resource and data source types in {@code keep}; every other field as it was. */
    static Trimmed trim(byte[] answer, Set<String> keep) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(answer);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            int kept = 0;
            int offered = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                int field = WireFormat.getTagFieldNumber(tag);
                if (TYPE_MAPS.contains(field) && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    ByteString entry = in.readBytes();
                    offered++;
                    if (keep.contains(key(entry))) {
                        out.writeBytes(field, entry);
                        kept++;
                    }
                } else {
                    in.skipField(tag, out);
                }
            }
            out.flush();
            return new Trimmed(bytes.toByteArray(), kept, offered);
        } catch (IOException e) {
            throw new UncheckedIOException("the AWS provider's schema answer is not a protocol buffer", e);
        }
    }

    /** The key (field 1) of a map entry. */
    static String key(ByteString entry) throws IOException {
        CodedInputStream in = entry.newCodedInput();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                return in.readString();
            }
            in.skipField(tag);
        }
        return "";
    }

    private static final MethodDescriptor.Marshaller<byte[]> RAW = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
}
