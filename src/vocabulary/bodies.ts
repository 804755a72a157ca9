/**
 * Central bodies that issue documents: the Party's central organs, the National Assembly, the
 * Government and the Prime Minister, ministries and their general departments, before and after
 * the 2025 reorganisation of ministries (Resolution 176/2025/QH15: 22 → 17 ministries and
 * ministry-level bodies from 1 March 2025). Each entry names the codes it takes in a symbol and a
 * real number or header line it matches.
 */

/** When a body existed: before the 2025 reorganisation, since it, or both. */
export type Era = 'before-2025' | 'since-2025' | 'both';

/** A central body known by its symbol code(s) and its name. */
export interface Body {
  /** Official name as the site writes it ("Bộ Tài chính", "Thủ tướng Chính phủ"). */
  name: string;
  /** Codes inside a symbol ("BTC" in "QĐ-BTC", "CT" in "5348/CT-CS"); a term number may follow QH/UBTVQH. */
  codes: readonly string[];
  /** Other spellings of the name met in headers and citations, folded when compared. */
  aliases?: readonly string[];
  era: Era;
  /** Since 2025: the body that took over its work. */
  successor?: string;
  /** A real string it matches. */
  example: string;
}

/** Bodies whose documents are national. */
export const NATIONAL_BODIES: readonly Body[] = [
  // ---- Party
  { name: 'Ban Chấp hành Trung ương', codes: ['TW'], aliases: ['Ban Chấp hành Trung ương Đảng', 'Trung ương Đảng', 'Bộ Chính trị', 'Ban Bí thư'], era: 'both', example: '"Số 212-KL/TW", "Nghị quyết số 57-NQ/TW" (Bộ Chính trị and Ban Bí thư sign with /TW too)' },
  { name: 'Văn phòng Trung ương Đảng', codes: ['VPTW'], aliases: ['Văn phòng Ban Chấp hành Trung ương'], era: 'both', example: '"Số 432-TB/VPTW"' },
  { name: 'Ban Tổ chức Trung ương', codes: ['BTCTW'], era: 'both', example: '"Hướng dẫn số 45-HD/BTCTW", "Báo cáo số 565-BC/BTCTW"' },
  { name: 'Ban Tuyên giáo và Dân vận Trung ương', codes: ['BTGDVTW'], era: 'since-2025', example: '"… -HD/BTGDVTW"' },
  { name: 'Ban Tuyên giáo Trung ương', codes: ['BTGTW'], era: 'before-2025', successor: 'Ban Tuyên giáo và Dân vận Trung ương', example: '"… -HD/BTGTW"' },
  { name: 'Ban Chỉ đạo Trung ương', codes: ['BCĐTW'], era: 'both', example: '"… -KH/BCĐTW"' },
  { name: 'Ủy ban Kiểm tra Trung ương', codes: ['UBKTTW'], era: 'both', example: '"… -TB/UBKTTW"' },
  // ---- State
  { name: 'Quốc hội', codes: ['QH'], era: 'both', example: '"Luật số: 60/2024/QH15", "Nghị quyết số 203/2025/QH15"' },
  { name: 'Ủy ban Thường vụ Quốc hội', codes: ['UBTVQH'], aliases: ['Ủy ban Thường vụ Quốc hội khóa XV'], era: 'both', example: '"Nghị quyết số 1656/NQ-UBTVQH15"' },
  { name: 'Ủy ban Pháp luật và Tư pháp', codes: ['UBPLTP'], era: 'since-2025', example: '"Báo cáo thẩm tra số 419/BC-UBPLTP15"' },
  { name: 'Chủ tịch nước', codes: ['CTN'], era: 'both', example: '"Lệnh số 12/2025/L-CTN"' },
  { name: 'Chính phủ', codes: ['CP'], era: 'both', example: '"Số: 171/2025/NĐ-CP", "Nghị quyết số 388/NQ-CP"' },
  { name: 'Thủ tướng Chính phủ', codes: ['TTg'], aliases: ['Thủ tướng'], era: 'both', example: '"Số: 2597/QĐ-TTg", "Số: 224/CĐ-TTg"' },
  { name: 'Văn phòng Chính phủ', codes: ['VPCP'], era: 'both', example: '"Số: 11554/VPCP-V.I", "476/VPCP-KSTT"' },
  { name: 'Thanh tra Chính phủ', codes: ['TTCP'], era: 'both', example: '"… /TTCP-C.IV"' },
  { name: 'Ngân hàng Nhà nước Việt Nam', codes: ['NHNN'], aliases: ['Ngân hàng Nhà nước'], era: 'both', example: '"Thông tư số 10/2025/TT-NHNN"' },
  { name: 'Kiểm toán nhà nước', codes: ['KTNN'], era: 'both', example: '"… /KTNN-TH"' },
  { name: 'Tòa án nhân dân tối cao', codes: ['TANDTC'], era: 'both', example: '"… /TANDTC-PC"' },
  { name: 'Viện kiểm sát nhân dân tối cao', codes: ['VKSNDTC'], era: 'both', example: '"… /VKSTC-V14"' },
  { name: 'Bảo hiểm xã hội Việt Nam', codes: ['BHXH'], era: 'both', example: '"… /BHXH-CSXH"' },
  // ---- Ministries since 2025 (14) and those merged into them
  { name: 'Bộ Quốc phòng', codes: ['BQP'], era: 'both', example: '"Thông tư số 118/2025/TT-BQP"' },
  { name: 'Bộ Công an', codes: ['BCA'], era: 'both', example: '"… /2025/TT-BCA"' },
  { name: 'Bộ Ngoại giao', codes: ['BNG'], era: 'both', example: '"… /BNG-LPQT"' },
  { name: 'Bộ Nội vụ', codes: ['BNV'], era: 'both', example: '"Công văn số 9086/BNV-CTTN&BĐG"' },
  { name: 'Bộ Tư pháp', codes: ['BTP'], era: 'both', example: '"… /2025/TT-BTP"' },
  { name: 'Bộ Tài chính', codes: ['BTC'], era: 'both', example: '"Quyết định số 3103/QĐ-BTC", "… /2025/TT-BTC"' },
  { name: 'Bộ Công Thương', codes: ['BCT'], era: 'both', example: '"Thông tư số 40/2025/TT-BCT"' },
  { name: 'Bộ Nông nghiệp và Môi trường', codes: ['BNNMT'], era: 'since-2025', example: '"Thông tư số 37/2025/TT-BNNMT"' },
  { name: 'Bộ Xây dựng', codes: ['BXD'], era: 'both', example: '"… /2025/TT-BXD"' },
  { name: 'Bộ Văn hóa, Thể thao và Du lịch', codes: ['BVHTTDL'], aliases: ['Bộ Văn hoá, Thể thao và Du lịch'], era: 'both', example: '"Quyết định số 3790/QĐ-BVHTTDL"' },
  { name: 'Bộ Khoa học và Công nghệ', codes: ['BKHCN'], era: 'both', example: '"Thông tư số 25/2025/TT-BKHCN"' },
  { name: 'Bộ Giáo dục và Đào tạo', codes: ['BGDĐT', 'BGD&ĐT'], era: 'both', example: '"… /2025/TT-BGDĐT"' },
  { name: 'Bộ Y tế', codes: ['BYT'], era: 'both', example: '"Thông tư số 50/2025/TT-BYT", "Quyết định số 3650/QĐ-BYT"' },
  { name: 'Bộ Dân tộc và Tôn giáo', codes: ['BDTTG'], era: 'since-2025', example: '"… /2025/TT-BDTTG"' },
  { name: 'Bộ Kế hoạch và Đầu tư', codes: ['BKHĐT', 'BKH&ĐT'], era: 'before-2025', successor: 'Bộ Tài chính', example: '"Thông tư số 02/2022/TT-BKHĐT"' },
  { name: 'Bộ Thông tin và Truyền thông', codes: ['BTTTT', 'BTT&TT'], era: 'before-2025', successor: 'Bộ Khoa học và Công nghệ', example: '"Thông tư số 22/2023/TT-BTTTT"' },
  { name: 'Bộ Nông nghiệp và Phát triển nông thôn', codes: ['BNNPTNT', 'BNN&PTNT', 'BNN'], era: 'before-2025', successor: 'Bộ Nông nghiệp và Môi trường', example: '"Quyết định số 1234/QĐ-BNN-KHCN"' },
  { name: 'Bộ Tài nguyên và Môi trường', codes: ['BTNMT'], era: 'before-2025', successor: 'Bộ Nông nghiệp và Môi trường', example: '"Thông tư số 10/2024/TT-BTNMT"' },
  { name: 'Bộ Lao động - Thương binh và Xã hội', codes: ['BLĐTBXH'], era: 'before-2025', successor: 'Bộ Nội vụ', example: '"Thông tư số 09/2024/TT-BLĐTBXH"' },
  { name: 'Bộ Giao thông vận tải', codes: ['BGTVT'], era: 'before-2025', successor: 'Bộ Xây dựng', example: '"Thông tư số 12/2024/TT-BGTVT"' },
  { name: 'Ủy ban Dân tộc', codes: ['UBDT'], era: 'before-2025', successor: 'Bộ Dân tộc và Tôn giáo', example: '"… /QĐ-UBDT"' },
  // ---- General departments and departments of ministries
  { name: 'Cục Thuế', codes: ['CT'], era: 'since-2025', example: '"Số: 5348/CT-CS" (header "BỘ TÀI CHÍNH / CỤC THUẾ")' },
  { name: 'Tổng cục Thuế', codes: ['TCT'], era: 'before-2025', successor: 'Cục Thuế', example: '"Công văn số 1234/TCT-CS"' },
  { name: 'Cục Hải quan', codes: ['CHQ'], era: 'since-2025', example: '"Số: 37569/CHQ-GSQL" (header "BỘ TÀI CHÍNH / CỤC HẢI QUAN")' },
  { name: 'Tổng cục Hải quan', codes: ['TCHQ'], era: 'before-2025', successor: 'Cục Hải quan', example: '"Công văn số 5678/TCHQ-GSQL"' },
  { name: 'Cục Thống kê', codes: ['CTK'], era: 'since-2025', example: '"… /CTK-TKQG"' },
  { name: 'Tổng cục Thủy sản', codes: ['TCTS'], era: 'before-2025', successor: 'Cục Thủy sản và Kiểm ngư', example: '"Công văn số 12/TCTS-KHTC"' },
];

/** Local bodies whose symbol code names the province's own government ("{unit}" = "tỉnh Khánh Hòa"). */
export interface LocalBody {
  /** Name pattern: "{unit}" is "tỉnh <name>" or "thành phố <name>", "{committee}" "Tỉnh ủy <name>". */
  name: string;
  codes: readonly string[];
  level: 'province' | 'district';
  example: string;
}

export const LOCAL_BODIES: readonly LocalBody[] = [
  { name: 'UBND {unit}', codes: ['UBND', 'UB'], level: 'province', example: '"Số: 2820/QĐ-UBND", "Công văn số 4085/UBND-ĐT"' },
  { name: 'HĐND {unit}', codes: ['HĐND'], level: 'province', example: '"Số: 80/2025/NQ-HĐND"' },
  { name: 'Chủ tịch UBND {unit}', codes: ['CTUBND'], level: 'province', example: '"Quyết định số 12/QĐ-CTUBND"' },
  { name: 'Thường trực HĐND {unit}', codes: ['TTHĐND'], level: 'province', example: '"Thông báo số 12/TB-TTHĐND"' },
  { name: '{committee}', codes: ['TU'], level: 'province', example: '"Kế hoạch hành động số 328-KH/TU" (Tỉnh ủy, Thành ủy)' },
  { name: 'Huyện ủy', codes: ['HU'], level: 'district', example: '"… -NQ/HU"' },
  { name: 'Quận ủy', codes: ['QU'], level: 'district', example: '"… -KH/QU"' },
  { name: 'Thị ủy', codes: ['ThU'], level: 'district', example: '"… -KH/ThU"' },
];
