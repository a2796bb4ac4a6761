package ru.frmr.registry.search.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ru.frmr.registry.search.PublicWorkerDocument;
import ru.frmr.registry.search.PublicWorkerDocument.Employer;
import ru.frmr.registry.search.PublicWorkerDocument.License;
import ru.frmr.registry.search.PublicWorkerDocument.LicenseKind;
import ru.frmr.registry.search.PublicWorkerDocument.LicenseStatus;
import ru.frmr.registry.search.PublicWorkerDocument.Specialty;

/**
 * Generates plausible Russian medical workers. Names are drawn with a skew towards the head of
 * each list, as real surnames are, so popular names produce the large result sets that make
 * searches slow.
 */
final class SyntheticWorkers {

    static final String[] SURNAMES = (
            "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков "
            + "Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин "
            + "Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов "
            + "Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв "
            + "Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов "
            + "Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов "
            + "Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов "
            + "Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев "
            + "Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников "
            + "Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин "
            + "Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов "
            + "Анисимов Ерёмин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров Симонов "
            + "Прокофьев Харитонов Князев Цветков Левин Митрофанов Воронцов Аксёнов Софронов Мальцев Логинов "
            + "Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков Сафонов Плотников Демин Хохлов Жданов "
            + "Островский Успенский Вишневский Дубровский Шевчук Ковальчук Бондаренко Коваленко Ткаченко "
            + "Кравченко Олейник Мельник Лысенко Руденко Гаврилюк Зиннатуллин Хабибуллин Гарипов Сафин").split(" ");

    static final String[] MALE_NAMES = ("Александр Дмитрий Максим Сергей Андрей Алексей Артём Илья Кирилл Михаил "
            + "Никита Матвей Роман Егор Арсений Иван Денис Евгений Даниил Тимофей Владислав Игорь Владимир "
            + "Павел Руслан Марк Константин Тимур Олег Ярослав Антон Николай Глеб Виктор Вадим Юрий Пётр Фёдор "
            + "Василий Степан Григорий Леонид Борис Георгий Валерий Анатолий").split(" ");

    static final String[] FEMALE_NAMES = ("Анастасия Мария Анна Виктория Екатерина Наталья Марина Полина Дарья "
            + "Алина Ирина Елена Ольга Татьяна Юлия Светлана Ксения Алёна Евгения Валерия Вероника Кристина "
            + "Людмила Галина Надежда Любовь Вера Софья Алиса Елизавета Валентина Оксана Тамара Нина Лариса "
            + "Зинаида Раиса Жанна Диана Милана").split(" ");

    /** Fathers' names with their patronymic stems, which do not follow one rule. */
    static final String[][] PATRONYMICS = {
        {"Александрович", "Александровна"}, {"Дмитриевич", "Дмитриевна"}, {"Сергеевич", "Сергеевна"},
        {"Андреевич", "Андреевна"}, {"Алексеевич", "Алексеевна"}, {"Иванович", "Ивановна"},
        {"Михайлович", "Михайловна"}, {"Николаевич", "Николаевна"}, {"Владимирович", "Владимировна"},
        {"Викторович", "Викторовна"}, {"Петрович", "Петровна"}, {"Юрьевич", "Юрьевна"},
        {"Олегович", "Олеговна"}, {"Евгеньевич", "Евгеньевна"}, {"Игоревич", "Игоревна"},
        {"Анатольевич", "Анатольевна"}, {"Васильевич", "Васильевна"}, {"Павлович", "Павловна"},
        {"Борисович", "Борисовна"}, {"Григорьевич", "Григорьевна"}, {"Валерьевич", "Валерьевна"},
        {"Геннадьевич", "Геннадьевна"}, {"Константинович", "Константиновна"}, {"Романович", "Романовна"},
        {"Фёдорович", "Фёдоровна"}, {"Ильич", "Ильинична"}, {"Никитич", "Никитична"}, {"Львович", "Львовна"}
    };

    static final Specialty[] SPECIALTIES = {
        new Specialty("31.08.01", "Акушерство и гинекология"), new Specialty("31.08.02", "Анестезиология-реаниматология"),
        new Specialty("31.08.07", "Патологическая анатомия"), new Specialty("31.08.09", "Рентгенология"),
        new Specialty("31.08.11", "Ультразвуковая диагностика"), new Specialty("31.08.12", "Функциональная диагностика"),
        new Specialty("31.08.19", "Педиатрия"), new Specialty("31.08.26", "Аллергология и иммунология"),
        new Specialty("31.08.28", "Гастроэнтерология"), new Specialty("31.08.32", "Дерматовенерология"),
        new Specialty("31.08.35", "Инфекционные болезни"), new Specialty("31.08.36", "Кардиология"),
        new Specialty("31.08.42", "Неврология"), new Specialty("31.08.43", "Нефрология"),
        new Specialty("31.08.45", "Пульмонология"), new Specialty("31.08.46", "Ревматология"),
        new Specialty("31.08.49", "Терапия"), new Specialty("31.08.53", "Эндокринология"),
        new Specialty("31.08.54", "Общая врачебная практика"), new Specialty("31.08.57", "Онкология"),
        new Specialty("31.08.59", "Офтальмология"), new Specialty("31.08.66", "Травматология и ортопедия"),
        new Specialty("31.08.67", "Хирургия"), new Specialty("31.08.68", "Урология"),
        new Specialty("31.08.69", "Челюстно-лицевая хирургия"), new Specialty("31.08.71", "Организация здравоохранения"),
        new Specialty("31.08.72", "Стоматология общей практики"), new Specialty("31.08.73", "Стоматология терапевтическая"),
        new Specialty("31.08.74", "Стоматология хирургическая"), new Specialty("31.08.75", "Стоматология ортопедическая"),
        new Specialty("34.02.01", "Сестринское дело"), new Specialty("31.02.01", "Лечебное дело")
    };

    static final int REGIONS = 89;
    static final int ORGANIZATIONS = 20_000;

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private final Random random;

    SyntheticWorkers(long seed) {
        this.random = new Random(seed);
    }

    PublicWorkerDocument next(int number) {
        boolean female = random.nextInt(10) < 7;
        String[] patronymic = pick(PATRONYMICS);
        String organization = "org-" + random.nextInt(ORGANIZATIONS);
        List<Specialty> specialties = new ArrayList<>();
        List<License> licenses = new ArrayList<>();
        int count = 1 + (random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(2));
        for (int i = 0; i < count; i++) {
            Specialty specialty = pick(SPECIALTIES);
            if (specialties.contains(specialty)) {
                continue;
            }
            specialties.add(specialty);
            LocalDate end = TODAY.plusDays(random.nextInt(5 * 365) - 365);
            licenses.add(new License(
                    random.nextBoolean() ? LicenseKind.ACCREDITATION : LicenseKind.CERTIFICATE,
                    specialty.code(),
                    end.isBefore(TODAY) ? LicenseStatus.EXPIRED : LicenseStatus.ACTIVE,
                    end));
        }
        return new PublicWorkerDocument(
                "w-%07d".formatted(number),
                surname(pick(SURNAMES), female),
                pick(female ? FEMALE_NAMES : MALE_NAMES),
                patronymic[female ? 1 : 0],
                specialties,
                licenses,
                new Employer(organization, "Медицинская организация " + organization),
                region(random.nextInt(REGIONS)));
    }

    static String region(int index) {
        return "%02d".formatted(index + 1);
    }

    /** Feminine forms of the common surname endings; the others (-ук, -енко, -ник) do not change. */
    static String surname(String masculine, boolean female) {
        if (!female) {
            return masculine;
        }
        if (masculine.endsWith("ский")) {
            return masculine.substring(0, masculine.length() - 2) + "ая";
        }
        if (masculine.endsWith("ов") || masculine.endsWith("ев") || masculine.endsWith("ёв")
                || masculine.endsWith("ин") || masculine.endsWith("ын")) {
            return masculine + "а";
        }
        return masculine;
    }

    /** Squaring a uniform draw favours the head of the list, roughly as name frequencies do. */
    <T> T pick(T[] values) {
        double r = random.nextDouble();
        return values[(int) (r * r * values.length)];
    }

    Random random() {
        return random;
    }
}
