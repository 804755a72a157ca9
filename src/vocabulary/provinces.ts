/**
 * Provinces and centrally-run cities, before and after the 2025 reorganisation (Resolution
 * 202/2025/QH15: 63 → 34 units from 1 July 2025). A province merged into another names the one
 * that carries on; a unit that carries on is its own successor.
 */

/** A province or centrally-run city. */
export interface Province {
  /** Name as written after "tỉnh" / "thành phố" ("Khánh Hòa", "Hồ Chí Minh"). */
  name: string;
  /** "thành phố" for a centrally-run city, else "tỉnh". */
  kind: 'tỉnh' | 'thành phố';
  /** Other spellings ("Thừa Thiên Huế" for Huế, "Khánh Hoà" for Khánh Hòa, "Đăk Lăk"). */
  aliases?: readonly string[];
  /** The unit it belongs to since 1 July 2025 (itself when it carries on). */
  since2025: string;
}

const P = (name: string, since2025: string = name, kind: Province['kind'] = 'tỉnh', aliases?: readonly string[]): Province =>
  aliases ? { name, kind, since2025, aliases } : { name, kind, since2025 };

/** Every province of either era. Real strings: "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "THÀNH PHỐ HỒ CHÍ MINH", "UBND tỉnh Lai Châu". */
export const PROVINCES: readonly Province[] = [
  // carry on unchanged or absorbing others
  P('Hà Nội', 'Hà Nội', 'thành phố'),
  P('Hồ Chí Minh', 'Hồ Chí Minh', 'thành phố'),
  P('Hải Phòng', 'Hải Phòng', 'thành phố'),
  P('Đà Nẵng', 'Đà Nẵng', 'thành phố'),
  P('Cần Thơ', 'Cần Thơ', 'thành phố'),
  P('Huế', 'Huế', 'thành phố', ['Thừa Thiên Huế', 'Thừa Thiên - Huế']),
  P('Lai Châu'), P('Điện Biên'), P('Sơn La'), P('Lạng Sơn'), P('Quảng Ninh'), P('Thanh Hóa', 'Thanh Hóa', 'tỉnh', ['Thanh Hoá']),
  P('Nghệ An'), P('Hà Tĩnh'), P('Cao Bằng'), P('Tuyên Quang'), P('Lào Cai'), P('Thái Nguyên'), P('Phú Thọ'),
  P('Bắc Ninh'), P('Hưng Yên'), P('Ninh Bình'), P('Quảng Trị'), P('Quảng Ngãi'), P('Gia Lai'),
  P('Khánh Hòa', 'Khánh Hòa', 'tỉnh', ['Khánh Hoà']), P('Lâm Đồng'), P('Đắk Lắk', 'Đắk Lắk', 'tỉnh', ['Đăk Lăk', 'Đắc Lắc']),
  P('Đồng Nai'), P('Tây Ninh'), P('Vĩnh Long'), P('Đồng Tháp'), P('Cà Mau'), P('An Giang'),
  // merged on 1 July 2025
  P('Hà Giang', 'Tuyên Quang'), P('Yên Bái', 'Lào Cai'), P('Bắc Kạn', 'Thái Nguyên', 'tỉnh', ['Bắc Cạn']),
  P('Vĩnh Phúc', 'Phú Thọ'), P('Hòa Bình', 'Phú Thọ', 'tỉnh', ['Hoà Bình']), P('Bắc Giang', 'Bắc Ninh'), P('Thái Bình', 'Hưng Yên'),
  P('Hải Dương', 'Hải Phòng'), P('Hà Nam', 'Ninh Bình'), P('Nam Định', 'Ninh Bình'), P('Quảng Bình', 'Quảng Trị'),
  P('Quảng Nam', 'Đà Nẵng'), P('Kon Tum', 'Quảng Ngãi'), P('Bình Định', 'Gia Lai'), P('Ninh Thuận', 'Khánh Hòa'),
  P('Đắk Nông', 'Lâm Đồng', 'tỉnh', ['Đăk Nông']), P('Bình Thuận', 'Lâm Đồng'), P('Phú Yên', 'Đắk Lắk'),
  P('Bà Rịa - Vũng Tàu', 'Hồ Chí Minh', 'tỉnh', ['Bà Rịa Vũng Tàu', 'Bà Rịa-Vũng Tàu']), P('Bình Dương', 'Hồ Chí Minh'),
  P('Bình Phước', 'Đồng Nai'), P('Long An', 'Tây Ninh'), P('Sóc Trăng', 'Cần Thơ'), P('Hậu Giang', 'Cần Thơ'),
  P('Bến Tre', 'Vĩnh Long'), P('Trà Vinh', 'Vĩnh Long'), P('Tiền Giang', 'Đồng Tháp'), P('Bạc Liêu', 'Cà Mau'), P('Kiên Giang', 'An Giang'),
];
