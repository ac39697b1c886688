package care.mend.it;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The WildFly process the tests started, seen from outside: its heap after a full GC and its CPU time through the
 * JVM's local management agent (attached as the same OS user, no network port, no credentials), and its resident
 * set from {@code /proc}. For the load harness's figures only.
 */
final class ServerProcess implements AutoCloseable {

    private final long pid;
    private final JMXConnector jmx;
    private final MBeanServerConnection mbeans;

    private ServerProcess(long pid, JMXConnector jmx) throws IOException {
        this.pid = pid;
        this.jmx = jmx;
        this.mbeans = jmx.getMBeanServerConnection();
    }

    /** The WildFly started from {@code serverDir}. */
    static ServerProcess find(Path serverDir) throws Exception {
        String home = "-Djboss.home.dir=" + serverDir.toAbsolutePath().normalize();
        ProcessHandle server = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(home) && c.contains("jboss-modules"))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no WildFly running from " + serverDir));
        VirtualMachine vm = VirtualMachine.attach(Long.toString(server.pid()));
        try {
            String address = vm.startLocalManagementAgent();
            return new ServerProcess(server.pid(), JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } finally {
            vm.detach();
        }
    }

    /** Heap in use after a full collection, in bytes. */
    long heapAfterGc() throws Exception {
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** CPU time the process has used, in nanoseconds. */
    long cpuNanos() throws Exception {
        return ((Number) mbeans.getAttribute(new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME),
                "ProcessCpuTime")).longValue();
    }

    /** Resident set size in bytes (Linux), or -1 where {@code /proc} is not there. */
    long residentBytes() throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        jmx.close();
    }
}
