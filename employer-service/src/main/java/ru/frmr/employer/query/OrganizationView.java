package ru.frmr.employer.query;

import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.employer.api.OrganizationDetails;

/**
 * One organisation in the read model.
 *
 * @param searchName the name in lower case: what {@code q} is matched against (the embedded Mongo server ignores
 *                   collation and case-folds Latin only, so the folding is done here)
 */
@Document(OrganizationView.COLLECTION)
record OrganizationView(@Id String id, String name, String ogrn, String inn, String kpp, String frmoId,
                        String regionCode, String address, long version, String searchName) {

    static final String COLLECTION = "medical_organizations";
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    static OrganizationView of(String id, OrganizationDetails d, long version) {
        return new OrganizationView(id, d.name(), d.ogrn(), d.inn(), d.kpp(), d.frmoId(), d.regionCode(),
                d.address(), version, fold(d.name()));
    }

    static String fold(String text) {
        return text.toLowerCase(RUSSIAN).replace('ё', 'е');
    }

    OrganizationCard card() {
        return new OrganizationCard(id, name, ogrn, inn, kpp, frmoId, regionCode, address, version);
    }
}
