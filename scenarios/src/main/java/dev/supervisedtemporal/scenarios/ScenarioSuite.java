package dev.supervisedtemporal.scenarios;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The scenario suites for an IDE: every {@code *Scenario} class on the embedded backend with the
 * recommended policy. {@link ChaosSuiteMain} runs the same classes per backend and policy and
 * writes the report.
 */
@Suite
@SuiteDisplayName("supervised-temporal scenarios")
@SelectPackages("dev.supervisedtemporal.scenarios")
@IncludeClassNamePatterns(".*Scenario")
@ConfigurationParameter(key = "supervised.temporal.backend", value = "embedded")
@ConfigurationParameter(key = "supervised.temporal.policy", value = "recommended")
class ScenarioSuite {}
