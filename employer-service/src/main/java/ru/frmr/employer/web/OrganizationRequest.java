package ru.frmr.employer.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import ru.frmr.employer.api.OrganizationDetails;

/**
 * A medical organisation's card as an administrator submits it. The shape is checked here (400); checksums, the
 * regions list and the ФРМО identifier by the aggregate's rules (422), each naming its field.
 *
 * @param version the card version being corrected; required by PUT, ignored by POST
 */
record OrganizationRequest(@NotBlank @Size(max = 300) String name,
                           @NotBlank @Size(max = 13) String ogrn,
                           @NotBlank @Size(max = 10) String inn,
                           @NotBlank @Size(max = 9) String kpp,
                           @NotBlank @Size(max = 128) String frmoId,
                           @NotBlank @Size(max = 2) String regionCode,
                           @NotBlank @Size(max = 500) String address,
                           @PositiveOrZero Long version) {

    OrganizationDetails details() {
        return new OrganizationDetails(name, ogrn, inn, kpp, frmoId, regionCode, address);
    }
}
