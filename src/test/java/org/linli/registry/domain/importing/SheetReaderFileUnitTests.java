package org.linli.registry.domain.importing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.linli.registry.domain.importing.SheetReader.Limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SheetReaderFileUnitTests {

	private static final String CSV = TestFiles.ENGLISH_HEADER + "\n1号楼,1,101,张三,11010519491231002X,13800138000,业主\n";

	private static final Object[] ROW = { "1号楼", "1", "101", "张三", "11010519491231002X", "13800138000", "业主" };

	@Test
	void onlyXlsxAndCsvNamesAreRead() {
		byte[] csv = TestFiles.utf8(CSV);

		assertThat(SheetReader.read("persons.txt", csv).fileError()).isEqualTo("import.file.type");
		assertThat(SheetReader.read("persons.csv.exe", csv).fileError()).isEqualTo("import.file.type");
		assertThat(SheetReader.read("persons", csv).fileError()).isEqualTo("import.file.type");
		assertThat(SheetReader.read(null, csv).fileError()).isEqualTo("import.file.type");
		assertThat(SheetReader.read("PERSONS.CSV", csv).fileError()).isNull();
		assertThat(SheetReader.read("名单.XLSX", TestFiles.xlsx(TestFiles.chineseHeader(), ROW)).fileError()).isNull();
	}

	@Test
	void aLegacyXlsIsNotRead() throws IOException {
		assertThat(SheetReader.read("名单.xls", xls()).fileError()).isEqualTo("import.file.type");
	}

	@Test
	void aRenamedImageIsRefusedAsTheWrongType() throws IOException {
		byte[] png = png();

		assertThat(SheetReader.read("名单.xlsx", png).fileError()).isEqualTo("import.file.type");
		assertThat(SheetReader.read("名单.csv", png).fileError()).isEqualTo("import.file.type");
	}

	@Test
	void aWorkbookRenamedToCsvAndTextRenamedToXlsxAreRefused() {
		assertThat(SheetReader.read("名单.csv", TestFiles.xlsx(TestFiles.chineseHeader(), ROW)).fileError())
			.isEqualTo("import.file.type");
		assertThat(SheetReader.read("名单.xlsx", TestFiles.utf8(CSV)).fileError()).isEqualTo("import.file.type");
	}

	@Test
	void legacyAndEncryptedWorkbooksNamedXlsxAreCorrupt() throws Exception {
		assertThat(SheetReader.read("名单.xlsx", xls()).fileError()).isEqualTo("import.file.corrupt");
		assertThat(SheetReader.read("名单.xlsx", encrypted(TestFiles.xlsx(TestFiles.chineseHeader(), ROW))).fileError())
			.isEqualTo("import.file.corrupt");
	}

	@Test
	void brokenWorkbooksAreCorrupt() throws IOException {
		byte[] xlsx = TestFiles.xlsx(TestFiles.chineseHeader(), ROW);

		assertThat(SheetReader.read("名单.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2)).fileError())
			.isEqualTo("import.file.corrupt");
		assertThat(SheetReader.read("名单.xlsx", zipOf("readme.txt", "not a workbook")).fileError())
			.isEqualTo("import.file.corrupt");
		assertThat(SheetReader.read("名单.xlsx", new byte[] { 'P', 'K', 3, 4 }).fileError())
			.isEqualTo("import.file.corrupt");
	}

	@Test
	void anEmptyFileIsEmpty() {
		assertThat(SheetReader.read("名单.csv", new byte[0]).fileError()).isEqualTo("import.file.empty");
		assertThat(SheetReader.read("名单.xlsx", new byte[0]).fileError()).isEqualTo("import.file.empty");
	}

	@Test
	void aFileOverTheSizeLimitIsRefused() {
		byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
		Arrays.fill(tooLarge, (byte) 'a');
		assertThat(SheetReader.read("名单.csv", tooLarge).fileError()).isEqualTo("import.file.tooLarge");
		assertThat(SheetReader.read("名单.xlsx", tooLarge).fileError()).isEqualTo("import.file.tooLarge");

		byte[] csv = TestFiles.utf8(CSV);
		assertThat(SheetReader.read("名单.csv", csv, new Limits(csv.length, 10)).fileError()).isNull();
		assertThat(SheetReader.read("名单.csv", csv, new Limits(csv.length - 1, 10)).fileError())
			.isEqualTo("import.file.tooLarge");
	}

	@Test
	void anOversizedStreamIsNotReadToItsEnd() throws IOException {
		CountingStream endless = new CountingStream();

		ReadResult result = SheetReader.read("名单.csv", endless, Limits.DEFAULT);

		assertThat(result.fileError()).isEqualTo("import.file.tooLarge");
		assertThat(endless.read).isEqualTo(Limits.DEFAULT.maxBytes() + 1);
	}

	@Test
	void aStreamWithinTheLimitIsRead() throws IOException {
		ReadResult result = SheetReader.read("名单.csv", new ByteArrayInputStream(TestFiles.utf8(CSV)),
				Limits.DEFAULT);

		assertThat(result.rows()).hasSize(1);
	}

	@Test
	void limitsMustBeUsable() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Limits(0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Limits(Integer.MAX_VALUE, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Limits(1, 0));
		assertThat(Limits.DEFAULT).isEqualTo(new Limits(10 * 1024 * 1024, 100_000));
	}

	private static byte[] xls() throws IOException {
		try (Workbook workbook = new HSSFWorkbook()) {
			TestFiles.fill(workbook.createSheet("名单").createRow(0), TestFiles.chineseHeader());
			return TestFiles.write(workbook);
		}
	}

	private static byte[] png() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	/** The workbook saved with a password to open, as Excel does it: an OLE2 file around the encrypted package. */
	private static byte[] encrypted(byte[] xlsx) throws IOException, GeneralSecurityException {
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
			encryptor.confirmPassword("secret");
			try (OutputStream out = encryptor.getDataStream(fs)) {
				out.write(xlsx);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
	}

	private static byte[] zipOf(String name, String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	/** An endless stream of spaces that counts what was taken from it. */
	private static final class CountingStream extends InputStream {

		private long read;

		@Override
		public int read() {
			this.read++;
			return ' ';
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			Arrays.fill(buffer, offset, offset + length, (byte) ' ');
			this.read += length;
			return length;
		}

	}

}
