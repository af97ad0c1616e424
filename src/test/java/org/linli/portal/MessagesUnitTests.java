package org.linli.portal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese and English are complete: the same keys in both files, and every key a template names exists. */
class MessagesUnitTests {

	private static final Path RESOURCES = Path.of("src", "main", "resources");

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages_zh_CN.properties").stringPropertyNames());
	}

	@Test
	void everyKeyATemplateUsesExists() throws IOException {
		Set<String> keys = load("messages_zh_CN.properties").stringPropertyNames();
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
		for (String file : new String[] { "messages_zh_CN.properties", "messages_en.properties" }) {
			Properties messages = load(file);
			assertThat(messages.stringPropertyNames()).allSatisfy(key -> assertThat(messages.getProperty(key))
				.as("%s in %s", key, file).isNotBlank());
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
