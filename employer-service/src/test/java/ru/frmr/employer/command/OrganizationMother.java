package ru.frmr.employer.command;

import ru.frmr.employer.api.OrganizationDetails;

/** Cards of medical organisations for tests; numbers with valid check digits. */
public final class OrganizationMother {

    private OrganizationMother() {
    }

    public static OrganizationDetails polyclinic() {
        return new OrganizationDetails("ГБУЗ «Городская поликлиника № 7»", "1027700132195", "7707083893", "773601001",
                "1.2.643.5.1.13.13.12.2.77.7830", "77", "г. Москва, ул. Вавилова, д. 19");
    }

    public static OrganizationDetails hospitalInPodolsk() {
        return new OrganizationDetails("ГБУЗ МО «Подольская городская больница № 3»", "1027700229193", "7736207543",
                "503601001", "1.2.643.5.1.13.13.12.2.50.5037", "50", "Московская область, г. Подольск, д. 2");
    }

    public static OrganizationDetails withName(OrganizationDetails d, String name) {
        return new OrganizationDetails(name, d.ogrn(), d.inn(), d.kpp(), d.frmoId(), d.regionCode(), d.address());
    }

    public static OrganizationDetails withOgrn(OrganizationDetails d, String ogrn) {
        return new OrganizationDetails(d.name(), ogrn, d.inn(), d.kpp(), d.frmoId(), d.regionCode(), d.address());
    }
}
