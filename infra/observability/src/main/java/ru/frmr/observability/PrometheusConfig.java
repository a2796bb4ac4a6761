package ru.frmr.observability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A Prometheus configuration for given targets, derived from the repository's {@code prometheus.yml}: its scrape
 * job (name, metrics path, {@code honor_labels}, scheme) and rule files, with the targets and the scrape interval of
 * the run (the platform under test runs on free ports; the local stack may run replicas).
 */
public final class PrometheusConfig {

    /**
     * One instance to scrape.
     *
     * @param service its service name, the target's {@code service} label (the one the metrics carry too)
     * @param address {@code host:port} of its management server
     */
    public record ScrapeTarget(String service, String address) {
    }

    static final String DEFAULT_JOB = "frmr";
    static final String DEFAULT_METRICS_PATH = "/actuator/prometheus";

    private PrometheusConfig() {
    }

    /** The name of the repository's scrape job ({@code up{job="..."}}). */
    public static String jobName(ObservabilityFiles files) {
        return String.valueOf(scrapeJob(files).getOrDefault("job_name", DEFAULT_JOB));
    }

    /**
     * The configuration as YAML. The rule files are named by absolute path, so the file may be written anywhere;
     * rules are evaluated at the scrape interval so recorded series follow the scrapes closely.
     */
    public static String yaml(ObservabilityFiles files, List<ScrapeTarget> targets, Duration scrapeInterval) {
        Map<Object, Object> repoJob = scrapeJob(files);
        String interval = scrapeInterval.toMillis() + "ms";
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("scrape_interval", interval);
        global.put("scrape_timeout", interval);
        global.put("evaluation_interval", interval);

        Map<String, Object> job = new LinkedHashMap<>();
        job.put("job_name", repoJob.getOrDefault("job_name", DEFAULT_JOB));
        job.put("metrics_path", repoJob.getOrDefault("metrics_path", DEFAULT_METRICS_PATH));
        job.put("scheme", repoJob.getOrDefault("scheme", "http"));
        job.put("honor_labels", repoJob.getOrDefault("honor_labels", true));
        job.put("static_configs", targets.stream()
                .map(t -> Map.of("targets", List.of(t.address()), "labels", Map.of("service", t.service())))
                .toList());

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("global", global);
        config.put("rule_files", files.ruleFiles().stream().map(Path::toString).toList());
        config.put("scrape_configs", List.of(job));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return "# Written by the FRMR Prometheus query check from " + files.relative(files.prometheusConfig())
                + "\n" + new Yaml(options).dump(config);
    }

    /** The repository's first scrape job; empty when there is no {@code prometheus.yml}. */
    @SuppressWarnings("unchecked")
    private static Map<Object, Object> scrapeJob(ObservabilityFiles files) {
        if (!files.prometheusConfig().toFile().isFile()) {
            return Map.of();
        }
        Object jobs = ObservabilityFiles.asMap(ObservabilityFiles.readYaml(files.prometheusConfig()))
                .get("scrape_configs");
        return jobs instanceof List<?> list && !list.isEmpty() ? (Map<Object, Object>) ObservabilityFiles.asMap(list.get(0))
                : Map.of();
    }
}
