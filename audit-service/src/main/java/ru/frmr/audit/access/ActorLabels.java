package ru.frmr.audit.access;

import java.util.Map;

/**
 * How the person reads who looked at their data: the reader's function, never their name or id (the reader is
 * a person too). Agencies and organisations are named by kind here; their own names live in the services that
 * register them.
 */
final class ActorLabels {

    private static final Map<String, String> BY_ROLE = Map.of(
            "REGISTRY_ADMIN", "Администратор реестра",
            "SUPERVISOR", "Сотрудник контрольно-надзорного органа",
            "AGENCY", "Информационная система контрольно-надзорного органа",
            "EMPLOYER_HR", "Отдел кадров медицинской организации",
            "SUPPORT", "Служба поддержки",
            "AUDITOR", "Аудитор");

    private ActorLabels() {
    }

    static String of(String role) {
        return BY_ROLE.getOrDefault(role, "Сотрудник платформы");
    }
}
