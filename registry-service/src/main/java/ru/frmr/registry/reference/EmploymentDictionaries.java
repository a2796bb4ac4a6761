package ru.frmr.registry.reference;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.reference.CodeList;

/**
 * The code lists employment records must use: positions ({@code reference/positions-v1.json}) and the
 * subjects of the Russian Federation organisations are registered in ({@code reference/regions-v1.json}), both
 * shared with the employer-service through {@code libs/contracts}.
 */
@Component
public class EmploymentDictionaries {

    private final CodeList positions = CodeList.load(CodeList.POSITIONS);
    private final CodeList regions = CodeList.load(CodeList.REGIONS);

    public boolean isPosition(String code) {
        return positions.contains(code);
    }

    public Optional<String> positionName(String code) {
        return positions.nameOf(code);
    }

    public boolean isRegion(String code) {
        return regions.contains(code);
    }

    public Optional<String> regionName(String code) {
        return regions.nameOf(code);
    }

    /** Every region code, in the dictionary's order. */
    public List<String> regionCodes() {
        return regions.codes();
    }
}
