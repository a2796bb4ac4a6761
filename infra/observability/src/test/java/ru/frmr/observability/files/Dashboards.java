package ru.frmr.observability.files;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.frmr.observability.files.Panels.Mapping;
import ru.frmr.observability.files.Panels.Query;
import ru.frmr.observability.files.Panels.Unit;
import ru.frmr.topology.Service;
import ru.frmr.topology.Topology;

/**
 * The platform's Grafana dashboards, generated: the overview, one per service of {@link Topology#LOCAL} (RED per
 * route, JVM, and the Axon, Kafka and relay sections of the services that have them), security and business.
 * {@code DashboardsGeneratedTest} fails when the committed JSON under {@code grafana/dashboards} differs from what this
 * class builds; {@code -Dfrmr.observability.write=true} writes it.
 *
 * <p>Every expression must return series while the platform is up (the query check in infra/e2e-tests evaluates them
 * all), so a panel only reads series that exist from a service's start (METRICS14: counters registered at 0, gauges
 * registered), and a service's dashboard only has the sections of what that service runs. Where a selector may match
 * nothing although the metric exists (no 5xx so far), {@code or ... * 0} gives the honest 0 of the series that do.
 */
final class Dashboards {

    /** What a service runs besides its HTTP server and JVM; decides the sections of its dashboard. */
    enum Part { AXON, KAFKA, RELAY, ACCESS_LOG, RATE_LIMITS }

    static final Map<String, Set<Part>> PARTS = Map.of(
            "esia-emulator", Set.of(),
            "gateway", Set.of(Part.RATE_LIMITS),
            "portal", Set.of(),
            "auth-service", Set.of(Part.AXON, Part.KAFKA, Part.RELAY),
            "registry-service", Set.of(Part.AXON, Part.KAFKA, Part.RELAY, Part.ACCESS_LOG),
            "employer-service", Set.of(Part.AXON, Part.KAFKA, Part.RELAY, Part.ACCESS_LOG),
            "documents-service", Set.of(Part.AXON, Part.KAFKA, Part.RELAY, Part.ACCESS_LOG),
            "notification-service", Set.of(Part.AXON, Part.KAFKA, Part.RELAY, Part.ACCESS_LOG),
            "audit-service", Set.of(Part.KAFKA));

    private static final String RATE = "[$__rate_interval]";
    private static final List<Mapping> UP = List.of(new Mapping("1", "работает", "green"),
            new Mapping("0", "недоступен", "red"));

    private final ObjectMapper json;

    Dashboards(ObjectMapper json) {
        this.json = json;
    }

    /** File name under grafana/dashboards → dashboard. */
    Map<String, ObjectNode> all() {
        Map<String, ObjectNode> all = new LinkedHashMap<>();
        all.put("overview.json", overview());
        for (Service service : Topology.LOCAL.services()) {
            Set<Part> parts = PARTS.get(service.name());
            if (parts == null) {
                throw new IllegalStateException("no dashboard sections for " + service.name()
                        + ": add it to Dashboards.PARTS");
            }
            all.put("service-" + service.name() + ".json", service(service.name(), parts));
        }
        all.put("security.json", security());
        all.put("business.json", business());
        return all;
    }

    private ObjectNode overview() {
        String sel = "service=~\"$service\"";
        Panels p = new Panels(json)
                .row("Сервисы")
                .stat("Доступность сервисов", "1 — Prometheus снимает метрики сервиса, 0 — сервис недоступен.",
                        Unit.greenFrom("none", 1), 24,
                        List.of(new Query("up{job=\"frmr\"," + sel + "}", "{{service}} {{instance}}")), UP)
                .graph("Запросы в секунду", "Все HTTP-запросы сервиса, по сервисам.", Unit.of("reqps"), 8,
                        List.of(new Query("sum by (service) (rate(http_server_requests_seconds_count{" + sel + "}"
                                + RATE + "))", "{{service}}")))
                .graph("Доля ответов 5xx", "Доля запросов, завершившихся ответом 5xx; оповещение — выше 5%.",
                        Unit.of("percentunit", 0.01, 0.05), 8,
                        List.of(new Query(errorRatio("service", sel), "{{service}}")))
                .graph("Время ответа, p99", "99-й процентиль времени ответа (по корзинам гистограммы); "
                                + "оповещение — выше 1 с по маршруту.", Unit.of("s", 0.5, 1), 8,
                        List.of(new Query("histogram_quantile(0.99, sum by (service, le) "
                                + "(rate(http_server_requests_seconds_bucket{" + sel + "}" + RATE + ")))",
                                "{{service}}")))
                .graph("Память heap", "Занятая память heap JVM, по экземплярам.", Unit.of("bytes"), 8,
                        List.of(new Query("sum by (service, instance) (jvm_memory_used_bytes{" + sel
                                + ",area=\"heap\"})", "{{service}} {{instance}}")))
                .graph("Загрузка CPU процессом", "Доля CPU машины, занятая процессом сервиса.",
                        Unit.of("percentunit", 0.7, 0.9), 8,
                        List.of(new Query("process_cpu_usage{" + sel + "}", "{{service}} {{instance}}")))
                .graph("Время работы", "Время с последнего запуска экземпляра: скачок вниз — перезапуск.",
                        Unit.of("s"), 8,
                        List.of(new Query("time() - process_start_time_seconds{" + sel + "}",
                                "{{service}} {{instance}}")))
                .row("События")
                .graph("Отставание публикации событий в Kafka", "Насколько ретранслятор событий (kafka-relay) "
                                + "отстаёт от хранилища событий; оповещение — дольше 60 с.", Unit.of("s", 10, 60), 8,
                        List.of(new Query("max by (service) (frmr_relay_lag_seconds)", "{{service}}")))
                .graph("Отставание обработчиков Axon", "Наибольшее отставание обработчиков событий сервиса "
                                + "от последнего сохранённого события.", Unit.of("s", 60, 300), 8,
                        List.of(new Query("max by (service) (frmr_axon_processor_lag_seconds)", "{{service}}")))
                .graph("Отставание потребителей Kafka", "Наибольшее число непрочитанных записей у "
                                + "потребителей сервиса; оповещение — больше 1000 в течение 10 минут.",
                        Unit.of("short", 100, 1000), 8,
                        List.of(new Query("max by (service) (kafka_consumer_fetch_manager_records_lag_max)",
                                "{{service}}")))
                .graph("Событий в очереди недоставленных (DLT) за час", "События, которые потребитель не смог "
                                + "применить; ждут исправления и повторной обработки.", Unit.redFrom("short", 1), 12,
                        List.of(new Query("sum by (service) (increase(frmr_consumer_dead_lettered_total[1h]))",
                                "{{service}}")))
                .graph("Ошибки публикации в Kafka за час", "Неудачные попытки ретранслятора опубликовать событие.",
                        Unit.redFrom("short", 1), 12,
                        List.of(new Query("sum by (service) (increase(frmr_relay_failures_total[1h]))",
                                "{{service}}")));
        ObjectNode dashboard = dashboard("frmr-overview", "ФРМР — обзор платформы", p);
        dashboard.withObject("templating").withArray("list").add(serviceVariable());
        return dashboard;
    }

    private ObjectNode service(String name, Set<Part> parts) {
        String sel = "service=\"" + name + "\"";
        Panels p = new Panels(json)
                .row("Запросы (RED)")
                .graph("Запросы в секунду по маршрутам", "HTTP-запросы по шаблону маршрута (uri).",
                        Unit.of("reqps"), 12,
                        List.of(new Query("sum by (uri) (rate(http_server_requests_seconds_count{" + sel + "}"
                                + RATE + "))", "{{uri}}")))
                .graph("Ответы по кодам", "HTTP-запросы по коду ответа.", Unit.of("reqps"), 12,
                        List.of(new Query("sum by (status) (rate(http_server_requests_seconds_count{" + sel + "}"
                                + RATE + "))", "{{status}}")))
                .graph("Доля ответов 5xx по маршрутам", "Оповещение FrmrHighErrorRate — выше 5% в течение "
                                + "5 минут.", Unit.of("percentunit", 0.01, 0.05), 12,
                        List.of(new Query(errorRatio("uri", sel), "{{uri}}")))
                .graph("Время ответа p99 по маршрутам", "99-й процентиль по корзинам гистограммы; оповещение "
                                + "FrmrHighLatency — выше 1 с в течение 10 минут.", Unit.of("s", 0.5, 1), 12,
                        List.of(new Query("histogram_quantile(0.99, sum by (uri, le) "
                                + "(rate(http_server_requests_seconds_bucket{" + sel + "}" + RATE + ")))", "{{uri}}")))
                .row("JVM")
                .stat("Экземпляры", "1 — Prometheus снимает метрики экземпляра, 0 — экземпляр недоступен.",
                        Unit.greenFrom("none", 1), 6,
                        List.of(new Query("up{job=\"frmr\"," + sel + "}", "{{instance}}")), UP)
                .stat("Время работы", "С последнего запуска экземпляра.", Unit.of("s"), 6,
                        List.of(new Query("time() - process_start_time_seconds{" + sel + "}", "{{instance}}")),
                        List.of())
                .graph("Загрузка CPU процессом", "Доля CPU машины, занятая процессом.",
                        Unit.of("percentunit", 0.7, 0.9), 12,
                        List.of(new Query("process_cpu_usage{" + sel + "}", "{{instance}}")))
                .graph("Память", "Занятая память JVM: heap и остальная (метаданные классов, код).",
                        Unit.of("bytes"), 8,
                        List.of(new Query("sum by (instance, area) (jvm_memory_used_bytes{" + sel + "})",
                                "{{instance}} {{area}}")))
                .graph("Паузы сборщика мусора", "Доля времени, проведённая в паузах GC.",
                        Unit.of("percentunit", 0.05, 0.2), 8,
                        List.of(new Query("sum by (instance) (rate(jvm_gc_pause_seconds_sum{" + sel + "}" + RATE
                                + "))", "{{instance}}")))
                .graph("Потоки", "Живые потоки JVM.", Unit.of("short"), 8,
                        List.of(new Query("jvm_threads_live_threads{" + sel + "}", "{{instance}}")));
        if (parts.contains(Part.RATE_LIMITS)) {
            p.row("Ограничения")
                    .graph("Отклонено по ограничению частоты", "Запросы в секунду, получившие 429, по политике.",
                            Unit.of("reqps"), 12,
                            List.of(new Query("sum by (policy) (rate(frmr_gateway_rate_limited_total{" + sel + "}"
                                    + RATE + "))", "{{policy}}")))
                    .graph("Ответы 503 по маршрутам", "Сервис за маршрутом недоступен или его автомат "
                                    + "(circuit breaker) разомкнут.", Unit.redFrom("reqps", 0.01), 12,
                            List.of(new Query("sum by (uri) (rate(http_server_requests_seconds_count{" + sel
                                    + ",status=\"503\"}" + RATE + ")) or sum by (uri) (rate("
                                    + "http_server_requests_seconds_count{" + sel + "}" + RATE + ")) * 0", "{{uri}}")));
        }
        if (parts.contains(Part.AXON)) {
            p.row("Обработчики событий Axon")
                    .graph("Отставание обработчиков", "Время между последним сохранённым событием и позицией "
                                    + "обработчика; 0 — обработчик догнал. Оповещение FrmrAxonProcessorLag — "
                                    + "больше 5 минут.", Unit.of("s", 60, 300), 12,
                            List.of(new Query("max by (processor) (frmr_axon_processor_lag_seconds{" + sel + "})",
                                    "{{processor}}")))
                    .graph("Обработано событий", "События в секунду по обработчикам.", Unit.of("ops"), 12,
                            List.of(new Query("sum by (processorName) (rate(eventProcessor_processedCounter_total{"
                                    + sel + "}" + RATE + "))", "{{processorName}}")))
                    .graph("Ошибки обработчиков", "Событий в секунду, обработка которых завершилась ошибкой.",
                            Unit.redFrom("ops", 0.001), 12,
                            List.of(new Query("sum by (processorName) (rate(eventProcessor_failureCounter_total{"
                                    + sel + "}" + RATE + ")) or sum by (processorName) (rate("
                                    + "eventProcessor_processedCounter_total{" + sel + "}" + RATE + ")) * 0",
                                    "{{processorName}}")))
                    .graph("Команды", "Команды в секунду по типу.", Unit.of("ops"), 12,
                            List.of(new Query("sum by (payloadType) (rate(commandBus_processedCounter_total{" + sel
                                    + "}" + RATE + "))", "{{payloadType}}")));
        }
        if (parts.contains(Part.RELAY)) {
            p.row("Публикация событий в Kafka")
                    .graph("Отставание публикации", "Насколько ретранслятор (kafka-relay) отстаёт от хранилища "
                                    + "событий; оповещение FrmrRelayBacklog — дольше 60 с.", Unit.of("s", 10, 60), 8,
                            List.of(new Query("max by (instance) (frmr_relay_lag_seconds{" + sel + "})",
                                    "{{instance}}")))
                    .graph("Опубликовано событий", "Интеграционные события в секунду по типу.", Unit.of("ops"), 8,
                            List.of(new Query("sum by (type) (rate(frmr_relay_published_total{" + sel + "}" + RATE
                                    + "))", "{{type}}")))
                    .graph("Ошибки публикации за час", "Неудачные попытки опубликовать событие, по топику.",
                            Unit.redFrom("short", 1), 8,
                            List.of(new Query("sum by (topic) (increase(frmr_relay_failures_total{" + sel
                                    + "}[1h]))", "{{topic}}")));
        }
        if (parts.contains(Part.ACCESS_LOG)) {
            p.graph("Журнал доступа: не опубликовано", "События доступа к персональным данным, ещё не "
                            + "опубликованные для журнала аудита.", Unit.of("short", 100, 1000), 12,
                    List.of(new Query("max by (instance) (frmr_access_outbox_pending{" + sel + "})", "{{instance}}")));
        }
        if (parts.contains(Part.KAFKA)) {
            p.row("Kafka")
                    .graph("Отставание потребителей", "Наибольшее число непрочитанных записей по клиенту; "
                                    + "оповещение FrmrKafkaConsumerLag — больше 1000 в течение 10 минут.",
                            Unit.of("short", 100, 1000), 12,
                            List.of(new Query("max by (client_id) (kafka_consumer_fetch_manager_records_lag_max{"
                                    + sel + "})", "{{client_id}}")))
                    .graph("Принято записей", "Записи в секунду, полученные потребителями.", Unit.of("ops"), 12,
                            List.of(new Query("sum by (client_id) (rate("
                                    + "kafka_consumer_fetch_manager_records_consumed_total{" + sel + "}" + RATE + "))",
                                    "{{client_id}}")))
                    .graph("Отправлено записей", "Записи в секунду, отправленные производителями.",
                            Unit.of("ops"), 12,
                            List.of(new Query("sum by (client_id) (rate(kafka_producer_record_send_total{" + sel
                                    + "}" + RATE + "))", "{{client_id}}")))
                    .graph("Ошибки отправки", "Записи в секунду, которые производитель не смог отправить.",
                            Unit.redFrom("ops", 0.001), 12,
                            List.of(new Query("sum by (client_id) (rate(kafka_producer_record_error_total{" + sel
                                    + "}" + RATE + "))", "{{client_id}}")))
                    .graph("События потребителей", "Применённые и пропущенные как повторы (идемпотентность) "
                                    + "события в секунду.", Unit.of("ops"), 12,
                            List.of(new Query("sum by (consumer, outcome) (rate(frmr_consumer_events_total{" + sel
                                    + "}" + RATE + "))", "{{consumer}} {{outcome}}")))
                    .graph("В очередь недоставленных (DLT) за час", "События, которые потребитель не смог "
                                    + "применить; оповещение FrmrDeadLetters.", Unit.redFrom("short", 1), 12,
                            List.of(new Query("sum by (consumer, topic) (increase(frmr_consumer_dead_lettered_total{"
                                    + sel + "}[1h]))", "{{consumer}} {{topic}}")));
        }
        return dashboard("frmr-service-" + name, "ФРМР — " + name, p);
    }

    private ObjectNode security() {
        Panels p = new Panels(json)
                .row("Вход")
                .graph("Входы за 5 минут", "Входы по способу и исходу.", Unit.of("short"), 12,
                        List.of(new Query("sum by (method, outcome) (increase(frmr_auth_logins_total[5m]))",
                                "{{method}} {{outcome}}")))
                .graph("Неудачные входы за 5 минут", "По причине; оповещение FrmrFailedLoginBurst — больше 50.",
                        Unit.of("short", 20, 50), 12,
                        List.of(new Query("sum by (reason) (increase(frmr_auth_logins_total{outcome=\"failed\"}[5m]))",
                                "{{reason}}")))
                .graph("Блокировки учётных записей за 15 минут", "Оповещение FrmrLockoutBurst — больше 5.",
                        Unit.of("short", 2, 5), 8,
                        List.of(new Query("sum(increase(frmr_auth_lockouts_total[15m]))", "блокировки")))
                .graph("Повторное использование refresh-токена за час", "Признак кражи токена: сессия "
                                + "отзывается.", Unit.redFrom("short", 1), 8,
                        List.of(new Query("sum(increase(frmr_auth_refresh_token_reuse_total[1h]))", "повторы")))
                .graph("Отказы 401/403 на шлюзе", "Запросы в секунду без действительного токена или без прав.",
                        Unit.of("reqps"), 8,
                        List.of(new Query("sum(rate(http_server_requests_seconds_count{service=\"gateway\","
                                + "status=~\"401|403\"}" + RATE + ")) or sum(rate(http_server_requests_seconds_count{"
                                + "service=\"gateway\"}" + RATE + ")) * 0", "401/403")))
                .row("Аудит и ограничения")
                .graph("Оповещения аудита за час", "Срабатывания правил обнаружения аномалий, по правилу.",
                        Unit.redFrom("short", 1), 12,
                        List.of(new Query("sum by (rule) (increase(frmr_audit_alerts_raised_total[1h]))", "{{rule}}")))
                .graph("Ограничение частоты запросов", "Запросы в секунду, отклонённые шлюзом (429), по политике.",
                        Unit.of("reqps"), 12,
                        List.of(new Query("sum by (policy) (rate(frmr_gateway_rate_limited_total" + RATE + "))",
                                "{{policy}}")))
                .stat("Проверка журнала аудита", "Результат последней проверки хеш-цепочки и дерева Меркла "
                                + "журнала; оповещение FrmrAuditChainBroken.", Unit.greenFrom("none", 1), 12,
                        List.of(new Query("min(frmr_audit_chain_verified)", "проверка")),
                        List.of(new Mapping("1", "пройдена", "green"), new Mapping("0", "не пройдена", "red")))
                .stat("С последней проверки журнала", "Проверка идёт каждые 5 минут; оповещение "
                                + "FrmrAuditChainNotVerified — больше 15 минут.", Unit.of("s", 600, 900), 12,
                        List.of(new Query("time() - max(frmr_audit_chain_verified_at_seconds)", "прошло")),
                        List.of());
        return dashboard("frmr-security", "ФРМР — безопасность", p);
    }

    private ObjectNode business() {
        Panels p = new Panels(json)
                .row("Реестр")
                .stat("Новые медработники за период", "Созданные записи медработников.", Unit.of("short"), 6,
                        List.of(new Query("sum(increase(frmr_registry_registrations_total[$__range]))",
                                "регистрации")), List.of())
                .stat("На модерации", "Изменения, ожидающие решения администратора.", Unit.of("short", 50, 200), 6,
                        List.of(new Query("max(frmr_registry_moderation_queue_size)", "изменений")), List.of())
                .stat("Старейшее изменение на модерации", "Сколько ждёт самое старое изменение; оповещение "
                                + "FrmrModerationQueueStale — больше 3 дней.", Unit.of("s", 86400, 259200), 6,
                        List.of(new Query("max(frmr_registry_moderation_queue_oldest_seconds)", "ждёт")), List.of())
                .stat("Уведомления об истечении: не отправлены", "Уведомления об истечении сертификатов и "
                                + "аккредитации, срок которых наступил; оповещение FrmrLicenceExpiryBacklog.",
                        Unit.redFrom("short", 1), 6,
                        List.of(new Query("max(frmr_registry_expiry_backlog)", "в очереди")), List.of())
                .graph("Регистрации в час", "Созданные записи медработников.", Unit.of("short"), 12,
                        List.of(new Query("sum(increase(frmr_registry_registrations_total[1h]))", "регистрации")))
                .graph("Уведомления об истечении за час", "По исходу.", Unit.of("short"), 12,
                        List.of(new Query("sum by (outcome) (increase(frmr_registry_expiry_notices_total[1h]))",
                                "{{outcome}}")))
                .row("Справки")
                .graph("Время от запроса справки до готовности", "Медиана и 99-й процентиль за час.",
                        Unit.of("s", 60, 300), 12,
                        List.of(new Query("histogram_quantile(0.5, sum by (le) (rate("
                                        + "frmr_documents_certificates_request_to_ready_seconds_bucket[1h])))", "p50"),
                                new Query("histogram_quantile(0.99, sum by (le) (rate("
                                        + "frmr_documents_certificates_request_to_ready_seconds_bucket[1h])))", "p99")))
                .graph("Справки готовы и отправлены почтой за час", "Готовые справки и отправки по почте по "
                                + "исходу.", Unit.of("short"), 12,
                        List.of(new Query("sum(increase(frmr_documents_certificates_request_to_ready_seconds_count"
                                        + "[1h]))", "готовы"),
                                new Query("sum by (outcome) (increase(frmr_documents_certificates_mail_total[1h]))",
                                        "почта {{outcome}}")))
                .row("Работодатели")
                .stat("Открытые просроченные расхождения", "Расхождения, на которые работодатель не ответил "
                                + "за 3 рабочих дня.", Unit.of("short", 1, 10), 8,
                        List.of(new Query("max(frmr_employer_discrepancies_overdue_open)", "расхождений")), List.of())
                .stat("Производственный календарь известен ещё", "Дней до конца загруженного производственного "
                                + "календаря; оповещение FrmrProductionCalendarRunningOut — меньше 90.",
                        Unit.greenFrom("d", 90), 8,
                        List.of(new Query("(min(frmr_employer_calendar_known_until_seconds) - time()) / 86400",
                                "дней")), List.of())
                .graph("Просроченные расхождения за час", "По исходу.", Unit.of("short"), 8,
                        List.of(new Query("sum by (outcome) (increase(frmr_employer_discrepancies_overdue_total[1h]))",
                                "{{outcome}}")))
                .row("Обращения и уведомления")
                .stat("Открытые обращения", "Обращения в поддержку без ответа.", Unit.of("short"), 6,
                        List.of(new Query("max(frmr_support_requests_open)", "открыто")), List.of())
                .stat("Просроченные обращения", "Обращения, у которых прошёл срок ответа.",
                        Unit.redFrom("short", 1), 6,
                        List.of(new Query("max(frmr_support_requests_overdue)", "просрочено")), List.of())
                .stat("Нарушения срока ответа за сутки", "Оповещение FrmrSupportAnswerTargetBreached.",
                        Unit.redFrom("short", 1), 6,
                        List.of(new Query("sum(increase(frmr_support_answer_target_breaches_total[1d]))",
                                "нарушений")), List.of())
                .stat("Уведомления в очереди", "Уведомления, ожидающие отправки.", Unit.of("short", 100, 1000), 6,
                        List.of(new Query("max(frmr_notification_pending)", "в очереди")), List.of())
                .graph("Отправлено уведомлений за час", "По каналу.", Unit.of("short"), 8,
                        List.of(new Query("sum by (channel) (increase(frmr_notification_sent_total[1h]))",
                                "{{channel}}")))
                .graph("Не доставлено уведомлений за час", "Брошенные после всех попыток, по каналу; оповещение "
                                + "FrmrNotificationDeliveryFailing.", Unit.redFrom("short", 1), 8,
                        List.of(new Query("sum by (channel) (increase(frmr_notification_failed_total[1h]))",
                                "{{channel}}")))
                .graph("Вебхуки ведомствам за час", "Доставки по исходу; оповещение FrmrWebhookDeliveriesFailing.",
                        Unit.of("short"), 8,
                        List.of(new Query("sum by (outcome) (increase(frmr_notification_webhook_deliveries_total[1h]))",
                                "{{outcome}}")));
        return dashboard("frmr-business", "ФРМР — бизнес-показатели", p);
    }

    /** The share of 5xx among all requests, by {@code by}; 0 (not absent) where there was none. */
    private static String errorRatio(String by, String selector) {
        String all = "sum by (" + by + ") (rate(http_server_requests_seconds_count{" + selector + "}" + RATE + "))";
        String errors = "sum by (" + by + ") (rate(http_server_requests_seconds_count{" + selector
                + ",status=~\"5..\"}" + RATE + "))";
        return "(" + errors + " or " + all + " * 0) / " + all;
    }

    private ObjectNode dashboard(String uid, String title, Panels panels) {
        ObjectNode dashboard = json.createObjectNode();
        dashboard.put("uid", uid).put("title", title);
        dashboard.putArray("tags").add("frmr");
        dashboard.put("timezone", "browser").put("schemaVersion", 39).put("version", 1).put("editable", false)
                .put("graphTooltip", 1).put("refresh", "30s");
        dashboard.putObject("time").put("from", "now-1h").put("to", "now");
        dashboard.putObject("annotations").putArray("list");
        dashboard.putObject("templating").putArray("list");
        dashboard.putArray("links").addObject().put("type", "dashboards").put("title", "Дашборды ФРМР")
                .put("asDropdown", true).put("includeVars", false).put("keepTime", true)
                .set("tags", json.createArrayNode().add("frmr"));
        dashboard.set("panels", panels.panels());
        return dashboard;
    }

    private ObjectNode serviceVariable() {
        String query = "label_values(up{job=\"frmr\"}, service)";
        ObjectNode variable = json.createObjectNode();
        variable.put("name", "service").put("label", "Сервис").put("type", "query");
        variable.putObject("datasource").put("type", "prometheus").put("uid", Panels.DATASOURCE_UID);
        variable.put("definition", query);
        variable.putObject("query").put("query", query).put("refId", "PrometheusVariableQueryEditor-VariableQuery");
        variable.put("refresh", 2).put("includeAll", true).put("multi", true).put("sort", 1);
        return variable;
    }
}
