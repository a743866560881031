package org.huimin.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ComparatorKindTest {

    private static double similarity(ComparatorKind kind, String a, String b) {
        return kind.similarity(kind.prepare(a), kind.prepare(b));
    }

    @Test
    void jaroWinklerGivesTheTextbookValues() {
        assertThat(similarity(ComparatorKind.JARO_WINKLER, "MARTHA", "MARHTA")).isCloseTo(0.9611, within(1e-4));
        assertThat(similarity(ComparatorKind.JARO_WINKLER, "DWAYNE", "DUANE")).isCloseTo(0.84, within(1e-4));
        assertThat(similarity(ComparatorKind.JARO_WINKLER, "DIXON", "DICKSONX")).isCloseTo(0.8133, within(1e-4));
        assertThat(similarity(ComparatorKind.JARO_WINKLER, " Mitchell ", "mitchell")).isEqualTo(1.0);
        assertThat(similarity(ComparatorKind.JARO_WINKLER, "abc", "xyz")).isZero();
    }

    @Test
    void datesTolerateSwappedDayAndMonthAndOneWrongDigit() {
        assertThat(similarity(ComparatorKind.DATE, "1990-05-03", "19900503")).isEqualTo(1.0);
        assertThat(similarity(ComparatorKind.DATE, "1990年5月3日", "1990/05/03")).isEqualTo(1.0);
        assertThat(similarity(ComparatorKind.DATE, "1990-05-03", "1990-03-05")).isEqualTo(Similarity.DATE_SWAPPED);
        assertThat(similarity(ComparatorKind.DATE, "1990-05-03", "1990-05-08")).isEqualTo(Similarity.ONE_EDIT);
        assertThat(similarity(ComparatorKind.DATE, "1990-05-03", "1909-05-03")).isEqualTo(Similarity.ONE_EDIT);
        assertThat(similarity(ComparatorKind.DATE, "1990-05-03", "1985-11-24")).isZero();
        assertThat(ComparatorKind.DATE.normalise("3/5/1990")).isEqualTo("19900503");
        assertThat(ComparatorKind.DATE.normalise("1990-05-03T08:00:00")).isEqualTo("19900503");
    }

    @Test
    void homophoneNamesScoreHighAndDifferentNamesLow() {
        assertThat(similarity(ComparatorKind.PINYIN_NAME, "张丽", "张丽")).isEqualTo(1.0);
        assertThat(similarity(ComparatorKind.PINYIN_NAME, "张丽", "张力")).isEqualTo(Similarity.HOMOPHONE);
        assertThat(similarity(ComparatorKind.PINYIN_NAME, "王明华", "王鸣花")).isEqualTo(Similarity.HOMOPHONE);
        assertThat(similarity(ComparatorKind.PINYIN_NAME, "张伟", "Zhang Wei")).isEqualTo(Similarity.HOMOPHONE);
        assertThat(similarity(ComparatorKind.PINYIN_NAME, "张 伟", "张伟")).isEqualTo(1.0);
        // one character of three homophone, one wholly different
        assertThat(similarity(ComparatorKind.PINYIN_NAME, "王建国", "王健国")).isEqualTo(Similarity.HOMOPHONE);
        assertThat(similarity(ComparatorKind.PINYIN_NAME, "王建国", "王建图")).isCloseTo(2 / 3.0, within(1e-9));
        // fuzzy pinyin: jin/jing
        assertThat(similarity(ComparatorKind.PINYIN_NAME, "李金", "李晶")).isCloseTo((1 + Similarity.FUZZY_CHARACTER) / 2,
                within(1e-9));
        assertThat(similarity(ComparatorKind.PINYIN_NAME, "张伟", "李娜")).isLessThan(0.3);
        assertThat(similarity(ComparatorKind.PINYIN_NAME, "黄蓉", "黄芳晶")).isLessThan(0.4);
        assertThat(similarity(ComparatorKind.PINYIN_NAME, "王丽", "王丽丽")).isCloseTo(2 / 3.0, within(1e-9));
    }

    @Test
    void phonesAndNumbersCompareOnDigits() {
        assertThat(similarity(ComparatorKind.PHONE, "+86 138 1234 5678", "13812345678")).isEqualTo(1.0);
        assertThat(similarity(ComparatorKind.PHONE, "0086-13812345678", "138-1234-5678")).isEqualTo(1.0);
        assertThat(similarity(ComparatorKind.PHONE, "13812345678", "13812345679")).isEqualTo(Similarity.ONE_EDIT);
        assertThat(similarity(ComparatorKind.PHONE, "13812345678", "13812346578")).isEqualTo(Similarity.ONE_EDIT);
        assertThat(similarity(ComparatorKind.PHONE, "13812345678", "1381234567")).isEqualTo(Similarity.ONE_INDEL);
        assertThat(similarity(ComparatorKind.PHONE, "13812345678", "13812340000")).isZero();
        assertThat(similarity(ComparatorKind.NUMERIC, "2119", "2191")).isEqualTo(Similarity.ONE_EDIT);
        assertThat(similarity(ComparatorKind.NUMERIC, "1804974", "1804079")).isEqualTo(Similarity.TWO_EDITS);
    }

    @Test
    void addressesSurviveTheUsualAbbreviations() {
        assertThat(ComparatorKind.ADDRESS.normalise("云南省曲靖市富源县中安街道红旗社区居委会红旗路12号3栋2单元501室"))
                .isEqualTo(ComparatorKind.ADDRESS.normalise("中安红旗社区红旗路１２号3-2-501"));
        assertThat(ComparatorKind.ADDRESS.normalise("富源县大河镇海田村委会4组17号"))
                .isEqualTo(ComparatorKind.ADDRESS.normalise("大河海田村4组17"));
        assertThat(similarity(ComparatorKind.ADDRESS, "大河镇海田村委会4组17号", "营上镇沙营村委会9组3号"))
                .isLessThan(0.8);
    }

    @Test
    void sexAndIdentifiersNormalise() {
        assertThat(similarity(ComparatorKind.SEX, "男", "M")).isEqualTo(1.0);
        assertThat(similarity(ComparatorKind.SEX, "女", "1")).isZero();
        assertThat(ComparatorKind.SEX.prepare("未知")).isNull();
        assertThat(similarity(ComparatorKind.IDENTIFIER, "11010519491231002x", "110105 19491231 002X"))
                .isEqualTo(1.0);
        assertThat(ComparatorKind.EXACT.prepare("   ")).isNull();
    }

    @Test
    void fuzzyPinyinFoldsTheSouthernConfusions() {
        assertThat(ComparatorKind.fuzzyPinyin("zhang")).isEqualTo("zan");
        assertThat(ComparatorKind.fuzzyPinyin("jing")).isEqualTo("jin");
        assertThat(ComparatorKind.fuzzyPinyin("nan")).isEqualTo("lan");
        assertThat(ComparatorKind.fuzzyPinyin("hong")).isEqualTo("hong");
    }
}
