package org.jobsearch.testkit;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A KRaft broker in a process of its own (Kafka's own {@code kafka.Kafka} main, from this JVM's class
 * path), which a fault test can stop and start again on the same port and data directory, the way an
 * operator's restart or a crashed broker would. The JVM's shared broker cannot be stopped: other
 * tests use it.
 */
public final class KafkaProcess implements AutoCloseable {

    private final Path dir;
    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private KafkaProcess(Path dir, int port, int controllerPort) throws IOException {
        this.dir = dir;
        this.port = port;
        this.config = dir.resolve("server.properties");
        this.log = dir.resolve("kafka.log");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", data.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // a consumer's offset commit waits for the coordinator's batch: 5 ms by default, for nothing at this volume
        p.setProperty("group.coordinator.append.linger.ms", "0");
        try (OutputStream out = Files.newOutputStream(config)) {
            p.store(out, "a fault test's own broker");
        }
        Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString());
        try {
            if (!format.waitFor(90, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka's storage failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Formats a fresh data directory under {@code dir} and starts the broker on free ports. */
    public static KafkaProcess start(Path dir) {
        try {
            KafkaProcess kafka = new KafkaProcess(dir, freePort(), freePort());
            kafka.startAgain();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (again) on the same port and data; returns once it accepts connections. */
    public void startAgain() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is running");
        }
        try {
            process = java("kafka.Kafka", config.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!portOpen()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not start; see " + log);
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Stops the broker process (SIGTERM: a controlled shutdown) and waits for it to exit. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        stop();
    }

    private Process java(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(dir.toFile())
                .start();
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
