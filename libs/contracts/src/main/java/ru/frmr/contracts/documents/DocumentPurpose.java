package ru.frmr.contracts.documents;

/** What an uploaded document is attached to; decides who besides its owner may read it. */
public enum DocumentPurpose {
    /** A profile change submitted for moderation: the registry administrators moderating it read it. */
    PROFILE_CHANGE,
    /** A worker's link request to an employer (the employment contract): that organisation's HR read it. */
    LINK_REQUEST,
    /** A support request (обращение): the SUPPORT officers answering it read it. */
    SUPPORT_REQUEST
}
