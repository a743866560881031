package org.huimin.demo;

import java.util.random.RandomGenerator;

/** Realistic, fictional Chinese names: common family names weighted by frequency, sex-typical given names. */
final class ChineseNames {

    // the most common family names, most frequent first (a resident is likelier to draw an early one)
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            + "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国志文海峰亮成东兵光永庆昌德荣林松";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀燕玲桂英华红梅琳洁雪倩颖慧婷佳琴云莉萍兰凤春晶欣怡蕾薇瑶璐丹妍悦";

    private ChineseNames() {
    }

    static String next(RandomGenerator random, boolean male) {
        // squared uniform skews toward the common names at the front
        double u = random.nextDouble();
        String family = String.valueOf(SURNAMES.charAt((int) (u * u * SURNAMES.length())));
        String pool = male ? MALE : FEMALE;
        StringBuilder given = new StringBuilder().append(pool.charAt(random.nextInt(pool.length())));
        if (random.nextInt(100) < 70) {
            given.append(pool.charAt(random.nextInt(pool.length())));
        }
        return family + given;
    }
}
