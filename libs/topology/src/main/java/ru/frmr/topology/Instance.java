package ru.frmr.topology;

/**
 * One running copy of a service: the port it serves its API on and the port of its management server (health
 * probes and metrics), which listens on the loopback address only so metrics never reach the public.
 */
public record Instance(int port, int managementPort) {

    public Instance {
        requirePort(port, "port");
        requirePort(managementPort, "managementPort");
        if (port == managementPort) {
            throw new IllegalArgumentException("port and managementPort must differ: " + port);
        }
    }

    public String url() {
        return "http://" + Topology.HOST + ":" + port;
    }

    public String managementUrl() {
        return "http://" + Topology.HOST + ":" + managementPort;
    }

    private static void requirePort(int value, String name) {
        if (value < 1 || value > 65535) {
            throw new IllegalArgumentException(name + " out of range: " + value);
        }
    }
}
