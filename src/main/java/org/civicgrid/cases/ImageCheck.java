package org.civicgrid.cases;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Tag;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * 图片校验 — a photo from a person is decoded before it is kept: a file that only starts like a JPEG (say, HTML behind
 * a JPEG header, a polyglot) is refused. JPEG and PNG are decoded with ImageIO at 1/8 scale (cheap on memory); WebP and
 * HEIC, which ImageIO cannot read, must parse as such and state their size.
 */
final class ImageCheck {

    private ImageCheck() {
    }

    static boolean decodes(Path file, MediaType type) {
        return switch (type) {
            case JPEG -> decodesWithImageIo(file, "jpeg");
            case PNG -> decodesWithImageIo(file, "png");
            case WEBP, HEIC -> statesItsSize(file);
            default -> true; // not an image
        };
    }

    private static boolean decodesWithImageIo(Path file, String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            return false;
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(8, 8, 0, 0);
            return reader.read(0, param).getWidth() > 0;
        } catch (IOException | RuntimeException broken) {
            return false;
        } finally {
            reader.dispose();
        }
    }

    private static boolean statesItsSize(Path file) {
        try {
            for (Directory directory : ImageMetadataReader.readMetadata(file.toFile()).getDirectories()) {
                for (Tag tag : directory.getTags()) {
                    if (tag.getTagName().contains("Width") && directory.getInteger(tag.getTagType()) != null
                            && directory.getInteger(tag.getTagType()) > 0) {
                        return true;
                    }
                }
            }
            return false;
        } catch (Exception broken) {
            return false;
        }
    }
}
