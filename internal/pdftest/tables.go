package pdftest

// Data tables: the metrics of the standard Type 1 fonts fpdf uses as core
// fonts (the widths of its font_embed/*.json, from Adobe's AFM files), and
// the glyph names of the code pages fpdf's makefont knows (font/*.map),
// for /Differences encodings.

// coreWidths holds the widths, in 1/1000 em, of codes 0 to 255 under the
// fonts' encodings (WinAnsi; ZapfDingbats' own).
var coreWidths = map[string]*[256]uint16{
	"Helvetica":             &widthHelvetica,
	"Helvetica-Bold":        &widthHelveticaBold,
	"Times-Roman":           &widthTimesRoman,
	"Times-Bold":            &widthTimesBold,
	"Times-Italic":          &widthTimesItalic,
	"Times-BoldItalic":      &widthTimesBoldItalic,
	"ZapfDingbats":          &widthZapfDingbats,
	"Helvetica-Oblique":     &widthHelvetica,
	"Helvetica-BoldOblique": &widthHelveticaBold,
}

var widthHelvetica = [256]uint16{
	278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278,
	278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278,
	278, 278, 278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278,
	333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278,
	584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500,
	667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
	611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556,
	222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
	500, 500, 500, 334, 260, 334, 584, 350, 556, 350, 222, 556, 333, 1000, 556,
	556, 333, 1000, 667, 333, 1000, 350, 611, 350, 350, 222, 222, 333, 333, 350,
	556, 1000, 333, 1000, 500, 333, 944, 350, 500, 667, 278, 333, 556, 556, 556,
	556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333,
	333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667,
	667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722,
	778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556,
	556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556,
	500,
}

var widthHelveticaBold = [256]uint16{
	278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278,
	278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278, 278,
	278, 278, 278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278,
	333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333,
	584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556,
	722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
	611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611,
	278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778,
	556, 556, 500, 389, 280, 389, 584, 350, 556, 350, 278, 556, 500, 1000, 556,
	556, 333, 1000, 667, 333, 1000, 350, 611, 350, 350, 278, 278, 500, 500, 350,
	556, 1000, 333, 1000, 556, 333, 944, 350, 500, 667, 278, 333, 556, 556, 556,
	556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333,
	333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722,
	722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722,
	778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556,
	556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
	611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611,
	556,
}

var widthTimesRoman = [256]uint16{
	250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
	250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
	250, 250, 250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250,
	333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278,
	564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389,
	722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722,
	611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500,
	278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722,
	500, 500, 444, 480, 200, 480, 541, 350, 500, 350, 333, 500, 444, 1000, 500,
	500, 333, 1000, 556, 333, 889, 350, 611, 350, 350, 333, 333, 444, 444, 350,
	500, 1000, 333, 980, 389, 333, 722, 350, 444, 722, 250, 333, 500, 500, 500,
	500, 200, 500, 333, 760, 276, 500, 564, 333, 760, 333, 400, 564, 300, 300,
	333, 500, 453, 250, 333, 300, 310, 500, 750, 750, 750, 444, 722, 722, 722,
	722, 722, 722, 889, 667, 611, 611, 611, 611, 333, 333, 333, 333, 722, 722,
	722, 722, 722, 722, 722, 564, 722, 722, 722, 722, 722, 722, 556, 500, 444,
	444, 444, 444, 444, 444, 667, 444, 444, 444, 444, 444, 278, 278, 278, 278,
	500, 500, 500, 500, 500, 500, 500, 564, 500, 500, 500, 500, 500, 500, 500,
	500,
}

var widthTimesBold = [256]uint16{
	250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
	250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
	250, 250, 250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250,
	333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333,
	570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500,
	778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722,
	667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556,
	278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722,
	500, 500, 444, 394, 220, 394, 520, 350, 500, 350, 333, 500, 500, 1000, 500,
	500, 333, 1000, 556, 333, 1000, 350, 667, 350, 350, 333, 333, 500, 500, 350,
	500, 1000, 333, 1000, 389, 333, 722, 350, 444, 722, 250, 333, 500, 500, 500,
	500, 220, 500, 333, 747, 300, 500, 570, 333, 747, 333, 400, 570, 300, 300,
	333, 556, 540, 250, 333, 300, 330, 500, 750, 750, 750, 500, 722, 722, 722,
	722, 722, 722, 1000, 722, 667, 667, 667, 667, 389, 389, 389, 389, 722, 722,
	778, 778, 778, 778, 778, 570, 778, 722, 722, 722, 722, 722, 611, 556, 500,
	500, 500, 500, 500, 500, 722, 444, 444, 444, 444, 444, 278, 278, 278, 278,
	500, 556, 500, 500, 500, 500, 500, 570, 500, 556, 556, 556, 556, 500, 556,
	500,
}

var widthTimesItalic = [256]uint16{
	250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
	250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
	250, 250, 250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250,
	333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333,
	675, 675, 675, 500, 920, 611, 611, 667, 722, 611, 611, 722, 722, 333, 444,
	667, 556, 833, 667, 722, 611, 722, 611, 500, 556, 722, 611, 833, 611, 556,
	556, 389, 278, 389, 422, 500, 333, 500, 500, 444, 500, 444, 278, 500, 500,
	278, 278, 444, 278, 722, 500, 500, 500, 500, 389, 389, 278, 500, 444, 667,
	444, 444, 389, 400, 275, 400, 541, 350, 500, 350, 333, 500, 556, 889, 500,
	500, 333, 1000, 500, 333, 944, 350, 556, 350, 350, 333, 333, 556, 556, 350,
	500, 889, 333, 980, 389, 333, 667, 350, 389, 556, 250, 389, 500, 500, 500,
	500, 275, 500, 333, 760, 276, 500, 675, 333, 760, 333, 400, 675, 300, 300,
	333, 500, 523, 250, 333, 300, 310, 500, 750, 750, 750, 500, 611, 611, 611,
	611, 611, 611, 889, 667, 611, 611, 611, 611, 333, 333, 333, 333, 722, 667,
	722, 722, 722, 722, 722, 675, 722, 722, 722, 722, 722, 556, 611, 500, 500,
	500, 500, 500, 500, 500, 667, 444, 444, 444, 444, 444, 278, 278, 278, 278,
	500, 500, 500, 500, 500, 500, 500, 675, 500, 500, 500, 500, 500, 444, 500,
	444,
}

var widthTimesBoldItalic = [256]uint16{
	250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
	250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250, 250,
	250, 250, 250, 389, 555, 500, 500, 833, 778, 278, 333, 333, 500, 570, 250,
	333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333,
	570, 570, 570, 500, 832, 667, 667, 667, 722, 667, 667, 722, 778, 389, 500,
	667, 611, 889, 722, 722, 611, 722, 667, 556, 611, 722, 667, 889, 667, 611,
	611, 333, 278, 333, 570, 500, 333, 500, 500, 444, 500, 444, 333, 500, 556,
	278, 278, 500, 278, 778, 556, 500, 500, 500, 389, 389, 278, 556, 444, 667,
	500, 444, 389, 348, 220, 348, 570, 350, 500, 350, 333, 500, 500, 1000, 500,
	500, 333, 1000, 556, 333, 944, 350, 611, 350, 350, 333, 333, 500, 500, 350,
	500, 1000, 333, 1000, 389, 333, 722, 350, 389, 611, 250, 389, 500, 500, 500,
	500, 220, 500, 333, 747, 266, 500, 606, 333, 747, 333, 400, 570, 300, 300,
	333, 576, 500, 250, 333, 300, 300, 500, 750, 750, 750, 500, 667, 667, 667,
	667, 667, 667, 944, 667, 667, 667, 667, 667, 389, 389, 389, 389, 722, 722,
	722, 722, 722, 722, 722, 570, 722, 722, 722, 722, 722, 611, 611, 500, 500,
	500, 500, 500, 500, 500, 722, 444, 444, 444, 444, 444, 278, 278, 278, 278,
	500, 556, 500, 500, 500, 500, 500, 570, 500, 556, 556, 556, 556, 444, 500,
	444,
}

var widthZapfDingbats = [256]uint16{
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 278, 974, 961, 974, 980, 719, 789, 790, 791, 690, 960,
	939, 549, 855, 911, 933, 911, 945, 974, 755, 846, 762, 761, 571, 677, 763,
	760, 759, 754, 494, 552, 537, 577, 692, 786, 788, 788, 790, 793, 794, 816,
	823, 789, 841, 823, 833, 816, 831, 923, 744, 723, 749, 790, 792, 695, 776,
	768, 792, 759, 707, 708, 682, 701, 826, 815, 789, 789, 707, 687, 696, 689,
	786, 787, 713, 791, 785, 791, 873, 761, 762, 762, 759, 759, 892, 892, 788,
	784, 438, 138, 277, 415, 392, 392, 668, 668, 0, 390, 390, 317, 317, 276,
	276, 509, 509, 410, 410, 234, 234, 334, 334, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 732, 544, 544, 910, 667, 760, 760, 776, 595, 694,
	626, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788,
	788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788,
	788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 788, 894, 838, 1016, 458,
	748, 924, 748, 918, 927, 928, 928, 834, 873, 828, 924, 924, 917, 930, 931,
	463, 883, 836, 836, 867, 867, 696, 696, 874, 0, 874, 760, 946, 771, 865,
	771, 888, 967, 888, 831, 873, 927, 970, 918, 0,
}

// glyphNameList maps glyph names to code points: "name HEX name HEX …".
const glyphNameList = "" +
	"A 0041 AE 00C6 Aacute 00C1 Abreve 0102 Acircumflex 00C2 Adieresis 00C4 " +
	"Agrave 00C0 Alpha 0391 Alphatonos 0386 Amacron 0100 Aogonek 0104 Aring " +
	"00C5 Atilde 00C3 B 0042 Beta 0392 C 0043 Cacute 0106 Ccaron 010C " +
	"Ccedilla 00C7 Chi 03A7 D 0044 Dcaron 010E Dcroat 0110 Delta 0394 E " +
	"0045 Eacute 00C9 Ecaron 011A Ecircumflex 00CA Edieresis 00CB " +
	"Edotaccent 0116 Egrave 00C8 Emacron 0112 Eng 014A Eogonek 0118 Epsilon " +
	"0395 Epsilontonos 0388 Eta 0397 Etatonos 0389 Eth 00D0 Euro 20AC F " +
	"0046 G 0047 Gamma 0393 Gbreve 011E Gcommaaccent 0122 H 0048 I 0049 " +
	"Iacute 00CD Icircumflex 00CE Idieresis 00CF Idotaccent 0130 Igrave " +
	"00CC Imacron 012A Iogonek 012E Iota 0399 Iotadieresis 03AA Iotatonos " +
	"038A Itilde 0128 J 004A K 004B Kappa 039A Kcommaaccent 0136 L 004C " +
	"Lacute 0139 Lambda 039B Lcaron 013D Lcommaaccent 013B Lslash 0141 M " +
	"004D Mu 039C N 004E Nacute 0143 Ncaron 0147 Ncommaaccent 0145 Ntilde " +
	"00D1 Nu 039D O 004F OE 0152 Oacute 00D3 Ocircumflex 00D4 Odieresis " +
	"00D6 Ograve 00D2 Ohorn 01A0 Ohungarumlaut 0150 Omacron 014C Omega 03A9 " +
	"Omegatonos 038F Omicron 039F Omicrontonos 038C Oslash 00D8 Otilde 00D5 " +
	"P 0050 Phi 03A6 Pi 03A0 Psi 03A8 Q 0051 R 0052 Racute 0154 Rcaron 0158 " +
	"Rcommaaccent 0156 Rho 03A1 S 0053 SF010000 250C SF020000 2514 SF030000 " +
	"2510 SF040000 2518 SF050000 253C SF060000 252C SF070000 2534 SF080000 " +
	"251C SF090000 2524 SF100000 2500 SF110000 2502 SF190000 2561 SF200000 " +
	"2562 SF210000 2556 SF220000 2555 SF230000 2563 SF240000 2551 SF250000 " +
	"2557 SF260000 255D SF270000 255C SF280000 255B SF360000 255E SF370000 " +
	"255F SF380000 255A SF390000 2554 SF400000 2569 SF410000 2566 SF420000 " +
	"2560 SF430000 2550 SF440000 256C SF450000 2567 SF460000 2568 SF470000 " +
	"2564 SF480000 2565 SF490000 2559 SF500000 2558 SF510000 2552 SF520000 " +
	"2553 SF530000 256B SF540000 256A Sacute 015A Scaron 0160 Scedilla 015E " +
	"Scommaaccent 0218 Sigma 03A3 T 0054 Tau 03A4 Tbar 0166 Tcaron 0164 " +
	"Tcommaaccent 021A Theta 0398 Thorn 00DE U 0055 Uacute 00DA Ucircumflex " +
	"00DB Udieresis 00DC Ugrave 00D9 Uhorn 01AF Uhungarumlaut 0170 Umacron " +
	"016A Uogonek 0172 Upsilon 03A5 Upsilondieresis 03AB Upsilontonos 038E " +
	"Uring 016E Utilde 0168 V 0056 W 0057 X 0058 Xi 039E Y 0059 Yacute 00DD " +
	"Ydieresis 0178 Z 005A Zacute 0179 Zcaron 017D Zdotaccent 017B Zeta " +
	"0396 a 0061 aacute 00E1 abreve 0103 acircumflex 00E2 acute 00B4 " +
	"acutecomb 0301 adieresis 00E4 ae 00E6 afii00208 2015 afii10017 0410 " +
	"afii10018 0411 afii10019 0412 afii10020 0413 afii10021 0414 afii10022 " +
	"0415 afii10023 0401 afii10024 0416 afii10025 0417 afii10026 0418 " +
	"afii10027 0419 afii10028 041A afii10029 041B afii10030 041C afii10031 " +
	"041D afii10032 041E afii10033 041F afii10034 0420 afii10035 0421 " +
	"afii10036 0422 afii10037 0423 afii10038 0424 afii10039 0425 afii10040 " +
	"0426 afii10041 0427 afii10042 0428 afii10043 0429 afii10044 042A " +
	"afii10045 042B afii10046 042C afii10047 042D afii10048 042E afii10049 " +
	"042F afii10050 0490 afii10051 0402 afii10052 0403 afii10053 0404 " +
	"afii10054 0405 afii10055 0406 afii10056 0407 afii10057 0408 afii10058 " +
	"0409 afii10059 040A afii10060 040B afii10061 040C afii10062 040E " +
	"afii10065 0430 afii10066 0431 afii10067 0432 afii10068 0433 afii10069 " +
	"0434 afii10070 0435 afii10071 0451 afii10072 0436 afii10073 0437 " +
	"afii10074 0438 afii10075 0439 afii10076 043A afii10077 043B afii10078 " +
	"043C afii10079 043D afii10080 043E afii10081 043F afii10082 0440 " +
	"afii10083 0441 afii10084 0442 afii10085 0443 afii10086 0444 afii10087 " +
	"0445 afii10088 0446 afii10089 0447 afii10090 0448 afii10091 0449 " +
	"afii10092 044A afii10093 044B afii10094 044C afii10095 044D afii10096 " +
	"044E afii10097 044F afii10098 0491 afii10099 0452 afii10100 0453 " +
	"afii10101 0454 afii10102 0455 afii10103 0456 afii10104 0457 afii10105 " +
	"0458 afii10106 0459 afii10107 045A afii10108 045B afii10109 045C " +
	"afii10110 045E afii10145 040F afii10193 045F afii299 200E afii300 200F " +
	"afii57636 20AA afii57645 05BE afii57658 05C3 afii57664 05D0 afii57665 " +
	"05D1 afii57666 05D2 afii57667 05D3 afii57668 05D4 afii57669 05D5 " +
	"afii57670 05D6 afii57671 05D7 afii57672 05D8 afii57673 05D9 afii57674 " +
	"05DA afii57675 05DB afii57676 05DC afii57677 05DD afii57678 05DE " +
	"afii57679 05DF afii57680 05E0 afii57681 05E1 afii57682 05E2 afii57683 " +
	"05E3 afii57684 05E4 afii57685 05E5 afii57686 05E6 afii57687 05E7 " +
	"afii57688 05E8 afii57689 05E9 afii57690 05EA afii57716 05F0 afii57717 " +
	"05F1 afii57718 05F2 afii57793 05B4 afii57794 05B5 afii57795 05B6 " +
	"afii57796 05BB afii57797 05B8 afii57798 05B7 afii57799 05B0 afii57800 " +
	"05B2 afii57801 05B1 afii57802 05B3 afii57803 05C2 afii57804 05C1 " +
	"afii57806 05B9 afii57807 05BC afii57839 05BD afii57841 05BF afii57842 " +
	"05C0 afii61352 2116 agrave 00E0 alpha 03B1 alphatonos 03AC amacron " +
	"0101 ampersand 0026 angkhankhuthai 0E5A aogonek 0105 approxequal 2248 " +
	"aring 00E5 asciicircum 005E asciitilde 007E asterisk 002A at 0040 " +
	"atilde 00E3 b 0062 backslash 005C bahtthai 0E3F bar 007C beta 03B2 " +
	"block 2588 bobaimaithai 0E1A braceleft 007B braceright 007D " +
	"bracketleft 005B bracketright 005D breve 02D8 brokenbar 00A6 bullet " +
	"2022 c 0063 cacute 0107 caron 02C7 ccaron 010D ccedilla 00E7 cedilla " +
	"00B8 cent 00A2 chi 03C7 chochangthai 0E0A chochanthai 0E08 " +
	"chochingthai 0E09 chochoethai 0E0C circumflex 02C6 colon 003A comma " +
	"002C copyright 00A9 currency 00A4 d 0064 dagger 2020 daggerdbl 2021 " +
	"dcaron 010F dcroat 0111 degree 00B0 delta 03B4 dieresis 00A8 " +
	"dieresistonos 0385 divide 00F7 dkshade 2593 dnblock 2584 dochadathai " +
	"0E0E dodekthai 0E14 dollar 0024 dong 20AB dotaccent 02D9 dotbelowcomb " +
	"0323 dotlessi 0131 e 0065 eacute 00E9 ecaron 011B ecircumflex 00EA " +
	"edieresis 00EB edotaccent 0117 egrave 00E8 eight 0038 eightthai 0E58 " +
	"ellipsis 2026 emacron 0113 emdash 2014 endash 2013 eng 014B eogonek " +
	"0119 epsilon 03B5 epsilontonos 03AD equal 003D eta 03B7 etatonos 03AE " +
	"eth 00F0 exclam 0021 exclamdown 00A1 f 0066 filledbox 25A0 five 0035 " +
	"fivethai 0E55 florin 0192 fofanthai 0E1F fofathai 0E1D fongmanthai " +
	"0E4F four 0034 fourthai 0E54 g 0067 gamma 03B3 gbreve 011F " +
	"gcommaaccent 0123 gereshhebrew 05F3 germandbls 00DF gershayimhebrew " +
	"05F4 grave 0060 gravecomb 0300 greater 003E greaterequal 2265 " +
	"guillemotleft 00AB guillemotright 00BB guilsinglleft 2039 " +
	"guilsinglright 203A h 0068 hohipthai 0E2B honokhukthai 0E2E " +
	"hookabovecomb 0309 hungarumlaut 02DD hyphen 002D i 0069 iacute 00ED " +
	"icircumflex 00EE idieresis 00EF igrave 00EC imacron 012B integralbt " +
	"2321 integraltp 2320 iogonek 012F iota 03B9 iotadieresis 03CA " +
	"iotadieresistonos 0390 iotatonos 03AF itilde 0129 j 006A k 006B kappa " +
	"03BA kcommaaccent 0137 kgreenlandic 0138 khokhaithai 0E02 khokhonthai " +
	"0E05 khokhuatthai 0E03 khokhwaithai 0E04 khomutthai 0E5B " +
	"khorakhangthai 0E06 kokaithai 0E01 l 006C lacute 013A lakkhangyaothai " +
	"0E45 lambda 03BB lcaron 013E lcommaaccent 013C less 003C lessequal " +
	"2264 lfblock 258C lochulathai 0E2C logicalnot 00AC lolingthai 0E25 " +
	"lslash 0142 ltshade 2591 luthai 0E26 m 006D macron 00AF " +
	"maichattawathai 0E4B maiekthai 0E48 maihanakatthai 0E31 maitaikhuthai " +
	"0E47 maithothai 0E49 maitrithai 0E4A maiyamokthai 0E46 middot 00B7 " +
	"momathai 0E21 mu 00B5 multiply 00D7 n 006E nacute 0144 ncaron 0148 " +
	"ncommaaccent 0146 ngonguthai 0E07 nikhahitthai 0E4D nine 0039 ninethai " +
	"0E59 nonenthai 0E13 nonuthai 0E19 ntilde 00F1 nu 03BD numbersign 0023 " +
	"o 006F oacute 00F3 oangthai 0E2D ocircumflex 00F4 odieresis 00F6 oe " +
	"0153 ogonek 02DB ograve 00F2 ohorn 01A1 ohungarumlaut 0151 omacron " +
	"014D omega 03C9 omegatonos 03CE omicron 03BF omicrontonos 03CC one " +
	"0031 onehalf 00BD onequarter 00BC onesuperior 00B9 onethai 0E51 " +
	"ordfeminine 00AA ordmasculine 00BA oslash 00F8 otilde 00F5 p 0070 " +
	"paiyannoithai 0E2F paragraph 00B6 parenleft 0028 parenright 0029 " +
	"percent 0025 period 002E periodcentered 00B7 perthousand 2030 phi 03C6 " +
	"phinthuthai 0E3A phophanthai 0E1E phophungthai 0E1C phosamphaothai " +
	"0E20 pi 03C0 plus 002B plusminus 00B1 poplathai 0E1B psi 03C8 q 0071 " +
	"question 003F questiondown 00BF quotedbl 0022 quotedblbase 201E " +
	"quotedblleft 201C quotedblright 201D quoteleft 2018 quoteright 2019 " +
	"quotesinglbase 201A quotesingle 0027 r 0072 racute 0155 radical 221A " +
	"rcaron 0159 rcommaaccent 0157 registered 00AE rho 03C1 roruathai 0E23 " +
	"rtblock 2590 ruthai 0E24 s 0073 sacute 015B saraaathai 0E32 saraaethai " +
	"0E41 saraaimaimalaithai 0E44 saraaimaimuanthai 0E43 saraamthai 0E33 " +
	"saraathai 0E30 saraethai 0E40 saraiithai 0E35 saraithai 0E34 saraothai " +
	"0E42 saraueethai 0E37 sarauethai 0E36 sarauthai 0E38 sarauuthai 0E39 " +
	"scaron 0161 scedilla 015F scommaaccent 0219 section 00A7 semicolon " +
	"003B seven 0037 seventhai 0E57 sfthyphen 00AD shade 2592 sigma 03C3 " +
	"sigma1 03C2 six 0036 sixthai 0E56 slash 002F sorusithai 0E29 " +
	"sosalathai 0E28 sosothai 0E0B sosuathai 0E2A space 0020 sterling 00A3 " +
	"t 0074 tau 03C4 tbar 0167 tcaron 0165 tcommaaccent 021B " +
	"thanthakhatthai 0E4C theta 03B8 thonangmonthothai 0E11 thophuthaothai " +
	"0E12 thorn 00FE thothahanthai 0E17 thothanthai 0E10 thothongthai 0E18 " +
	"thothungthai 0E16 three 0033 threequarters 00BE threesuperior 00B3 " +
	"threethai 0E53 tilde 02DC tildecomb 0303 tonos 0384 topatakthai 0E0F " +
	"totaothai 0E15 trademark 2122 two 0032 twosuperior 00B2 twothai 0E52 u " +
	"0075 uacute 00FA ucircumflex 00FB udieresis 00FC ugrave 00F9 uhorn " +
	"01B0 uhungarumlaut 0171 umacron 016B underscore 005F uogonek 0173 " +
	"upblock 2580 upsilon 03C5 upsilondieresis 03CB upsilondieresistonos " +
	"03B0 upsilontonos 03CD uring 016F utilde 0169 v 0076 w 0077 wowaenthai " +
	"0E27 x 0078 xi 03BE y 0079 yacute 00FD yamakkanthai 0E4E ydieresis " +
	"00FF yen 00A5 yoyakthai 0E22 yoyingthai 0E0D z 007A zacute 017A zcaron " +
	"017E zdotaccent 017C zero 0030 zerothai 0E50 zeta 03B6 "
