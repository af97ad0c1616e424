package org.linli.portal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese and English are complete: the same keys in both files of every bundle, no key in two bundles, and every key
 * a template names exists.
 */
class MessagesUnitTests {

	private static final Path RESOURCES = Path.of("src", "main", "resources");

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		for (String bundle : bundles()) {
			assertThat(load(bundle + "_en.properties").stringPropertyNames()).as(bundle)
				.containsExactlyInAnyOrderElementsOf(load(bundle + "_zh_CN.properties").stringPropertyNames());
		}
	}

	@Test
	void noKeyIsDefinedInTwoBundles() throws IOException {
		Set<String> seen = new TreeSet<>();
		for (String bundle : bundles()) {
			for (String key : load(bundle + "_zh_CN.properties").stringPropertyNames()) {
				assertThat(seen.add(key)).as("%s is also defined in another bundle than %s", key, bundle).isTrue();
			}
		}
	}

	@Test
	void everyBundleIsConfigured() throws IOException {
		String configuration = Files.readString(RESOURCES.resolve("application.yml"));
		assertThat(bundles()).allSatisfy(bundle -> assertThat(configuration).contains(bundle));
	}

	@Test
	void everyKeyATemplateUsesExists() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (String bundle : bundles()) {
			keys.addAll(load(bundle + "_zh_CN.properties").stringPropertyNames());
		}
		Set<String> used = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(keys).containsAll(used);
	}

	@Test
	void noValueIsLeftEmpty() throws IOException {
		for (String bundle : bundles()) {
			for (String file : List.of(bundle + "_zh_CN.properties", bundle + "_en.properties")) {
				Properties messages = load(file);
			assertThat(messages.stringPropertyNames()).allSatisfy(key -> assertThat(messages.getProperty(key))
					.as("%s in %s", key, file).isNotBlank());
			}
		}
	}

	/** The root bundle and one per module under messages/, as base names relative to the resources folder. */
	private static List<String> bundles() throws IOException {
		List<String> bundles = new ArrayList<>(List.of("messages"));
		try (Stream<Path> files = Files.list(RESOURCES.resolve("messages"))) {
			files.map(p -> p.getFileName().toString())
				.filter(name -> name.endsWith("_zh_CN.properties"))
				.map(name -> "messages/" + name.substring(0, name.length() - "_zh_CN.properties".length()))
				.sorted()
				.forEach(bundles::add);
		}
		return bundles;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
