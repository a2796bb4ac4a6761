package ru.frmr.notification.preference;

import java.util.Map;

import ru.frmr.notification.notice.NoticeKind;

/** The kinds as the settings page names them. */
final class NoticeTitles {

    private static final Map<NoticeKind, String> TITLES = Map.ofEntries(
            Map.entry(NoticeKind.LICENSE_EXPIRING, "Скоро истекает срок аккредитации или сертификата"),
            Map.entry(NoticeKind.LICENSE_EXPIRED, "Истёк срок аккредитации или сертификата"),
            Map.entry(NoticeKind.CHANGE_APPROVED, "Изменение записи регистра утверждено"),
            Map.entry(NoticeKind.CHANGE_REJECTED, "Изменение записи регистра отклонено"),
            Map.entry(NoticeKind.ACCOUNT_LOCKED, "Вход временно заблокирован"),
            Map.entry(NoticeKind.ACCOUNT_UNLOCKED, "Блокировка входа снята"),
            Map.entry(NoticeKind.ACCOUNT_BLOCKED, "Учётная запись заблокирована"),
            Map.entry(NoticeKind.ACCOUNT_UNBLOCKED, "Учётная запись разблокирована"),
            Map.entry(NoticeKind.ACCOUNT_ACTIVATED, "Учётная запись активирована"),
            Map.entry(NoticeKind.NEW_DEVICE_LOGIN, "Вход с нового устройства"),
            Map.entry(NoticeKind.CONTACTS_CHANGED, "Изменены контактные данные"),
            Map.entry(NoticeKind.LINK_REQUESTED, "Запрос о прикреплении от организации"),
            Map.entry(NoticeKind.LINK_ANSWERED, "Ответ на запрос о прикреплении"),
            Map.entry(NoticeKind.DISCREPANCY_RAISED, "Сообщение работника о расхождении"),
            Map.entry(NoticeKind.DISCREPANCY_ANSWERED, "Ответ организации на сообщение о расхождении"),
            Map.entry(NoticeKind.DISCREPANCY_OVERDUE, "Просрочен ответ на сообщение о расхождении"),
            Map.entry(NoticeKind.CERTIFICATE_READY, "Справка готова"),
            Map.entry(NoticeKind.CERTIFICATE_SENT, "Справка отправлена"),
            Map.entry(NoticeKind.CERTIFICATE_REFUSED, "В выдаче справки отказано"),
            Map.entry(NoticeKind.SUPPORT_REQUEST_RECEIVED, "Обращение в поддержку принято"),
            Map.entry(NoticeKind.SUPPORT_ANSWERED, "Ответ поддержки"),
            Map.entry(NoticeKind.SECURITY_ALERT, "Оповещение безопасности"));

    private NoticeTitles() {
    }

    static String of(NoticeKind kind) {
        return TITLES.get(kind);
    }
}
