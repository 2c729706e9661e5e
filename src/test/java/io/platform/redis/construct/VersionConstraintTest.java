package io.platform.redis.construct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether a team's hashicorp/aws constraint and the module's admit a common version, as Terraform reads them. */
class VersionConstraintTest {
    @ParameterizedTest(name = "\"{0}\" with \">= 5.73.0\": {1}")
    @CsvSource(delimiter = '|', value = {
            "~> 5.80        | true",   // >= 5.80.0, < 6.0.0
            "~> 5.60        | true",   // up to 5.x: 5.73 and later qualify
            "~> 5.60.0      | false",  // 5.60.x only
            "~> 5.73.2      | true",
            "= 5.60.0       | false",
            "5.60.0         | false",  // a bare version is an exact pin
            "5.80.0         | true",
            "< 5.73.0       | false",
            "<= 5.73.0      | true",
            ">= 5.0, < 5.73 | false",
            ">= 6.0         | true",
            "!= 5.80.0      | true",
            "~> 4.0         | false"})
    void aTeamsConstraintAndTheModulesAdmitACommonVersionOrNot(String team, boolean compatible) {
        assertEquals(compatible, VersionConstraint.compatible(team, ">= 5.73.0"));
    }

    @ParameterizedTest
    @CsvSource({"~> 5.80 beta", "latest"})
    void whatIsNoConstraintIsSaidSo(String text) {
        assertThrows(IllegalArgumentException.class, () -> VersionConstraint.compatible(text, ">= 5.73.0"));
    }
}
