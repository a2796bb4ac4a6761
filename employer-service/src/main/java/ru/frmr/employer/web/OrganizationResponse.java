package ru.frmr.employer.web;

import ru.frmr.contracts.reference.CodeList;
import ru.frmr.employer.api.OrganizationDetails;
import ru.frmr.employer.query.OrganizationCard;

/** A medical organisation's card, with the region's name from the regions list. */
record OrganizationResponse(String id, String name, String ogrn, String inn, String kpp, String frmoId,
                            String regionCode, String regionName, String address, long version) {

    private static final CodeList REGIONS = CodeList.load(CodeList.REGIONS);

    static OrganizationResponse of(OrganizationCard c) {
        return new OrganizationResponse(c.id(), c.name(), c.ogrn(), c.inn(), c.kpp(), c.frmoId(), c.regionCode(),
                REGIONS.nameOf(c.regionCode()).orElse(null), c.address(), c.version());
    }

    static OrganizationResponse of(String id, OrganizationDetails d, long version) {
        return of(new OrganizationCard(id, d.name(), d.ogrn(), d.inn(), d.kpp(), d.frmoId(), d.regionCode(),
                d.address(), version));
    }
}
