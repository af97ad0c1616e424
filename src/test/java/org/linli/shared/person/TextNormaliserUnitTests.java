package org.linli.shared.person;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormaliserUnitTests {

	@Test
	void nullStaysNullSoAnAbsentCellIsNotMistakenForAnEmptyOne() {
		assertThat(TextNormaliser.normalise(null)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t\n", "\u3000\u3000", "\u00A0", "\uFEFF", " \u200B " })
	void blankBecomesEmpty(String blank) {
		assertThat(TextNormaliser.normalise(blank)).isEmpty();
	}

	@Test
	void fullWidthAsciiBecomesHalfWidth() {
		assertThat(TextNormaliser.normalise("ＡＢＣａｂｃ０１２３４５６７８９")).isEqualTo("ABCabc0123456789");
		assertThat(TextNormaliser.normalise("＃－．（）＋＠")).isEqualTo("#-.()+@");
	}

	@Test
	void theWholeFullWidthBlockAndNothingAroundItIsConverted() {
		for (int fullWidth = 0xFF01; fullWidth <= 0xFF5E; fullWidth++) {
			assertThat(TextNormaliser.normalise(Character.toString(fullWidth)))
				.isEqualTo(Character.toString(fullWidth - 0xFEE0));
		}
		assertThat(TextNormaliser.normalise("\uFF00")).isEqualTo("\uFF00");
		assertThat(TextNormaliser.normalise("\uFF5F")).isEqualTo("\uFF5F");
		assertThat(TextNormaliser.normalise("\uFFE5")).isEqualTo("\uFFE5");
	}

	@Test
	void ideographicSpaceBecomesAPlainSpace() {
		assertThat(TextNormaliser.normalise("张\u3000三")).isEqualTo("张 三");
	}

	@Test
	void trimsAndCollapsesEveryKindOfSpace() {
		assertThat(TextNormaliser.normalise("  a  ")).isEqualTo("a");
		assertThat(TextNormaliser.normalise("a   b")).isEqualTo("a b");
		assertThat(TextNormaliser.normalise("a \t\r\n b")).isEqualTo("a b");
		assertThat(TextNormaliser.normalise("\u00A0a\u00A0\u00A0b\u00A0")).isEqualTo("a b");
		assertThat(TextNormaliser.normalise("a\u3000 \u3000b")).isEqualTo("a b");
		assertThat(TextNormaliser.normalise("a\u202Fb\u2007c")).isEqualTo("a b c");
	}

	@Test
	void dropsByteOrderMarkAndZeroWidthSpaces() {
		assertThat(TextNormaliser.normalise("\uFEFF楼栋")).isEqualTo("楼栋");
		assertThat(TextNormaliser.normalise("13800\u200B138000\u2060")).isEqualTo("13800138000");
		assertThat(TextNormaliser.normalise("a \u200B b")).isEqualTo("a b");
	}

	@Test
	void leavesChineseAndCharactersBeyondTheBasicPlaneAlone() {
		assertThat(TextNormaliser.normalise("欧阳𠀀华")).isEqualTo("欧阳𠀀华");
		assertThat(TextNormaliser.normalise("阿依古丽·买买提")).isEqualTo("阿依古丽·买买提");
	}

	@Test
	void isIdempotent() {
		String once = TextNormaliser.normalise(" \u3000１号楼\u3000 ２ 单元  ");
		assertThat(once).isEqualTo("1号楼 2 单元");
		assertThat(TextNormaliser.normalise(once)).isEqualTo(once);
	}

}
