package ru.frmr.employer.reference;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.reference.CodeList;

/**
 * The code lists an employment is checked against: positions and contract kinds are the platform's shared lists
 * (the registry checks the same files), dismissal reasons are the employer's own ({@link #DISMISSAL_REASONS}).
 */
@Component
public class EmploymentDictionaries {

    /** Grounds for ending an employment contract (ТК РФ ст. 77, 81, 83 and others). */
    public static final String DISMISSAL_REASONS = "reference/dismissal-reasons-v1.json";

    private final CodeList positions = CodeList.load(CodeList.POSITIONS);
    private final CodeList contractKinds = CodeList.load(CodeList.EMPLOYMENT_CONTRACT_KINDS);
    private final CodeList dismissalReasons = CodeList.load(DISMISSAL_REASONS);

    public CodeList positions() {
        return positions;
    }

    public CodeList contractKinds() {
        return contractKinds;
    }

    public CodeList dismissalReasons() {
        return dismissalReasons;
    }
}
