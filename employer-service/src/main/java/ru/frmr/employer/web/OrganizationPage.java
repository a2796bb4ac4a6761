package ru.frmr.employer.web;

import java.util.List;

/** A page of organisations, in the API's paging shape. */
record OrganizationPage(List<OrganizationResponse> items, int page, int size, long total) {
}
