/**
 * Departments (Sở) of a provincial People's Committee, by name and symbol code, before and after
 * the 2025 merges (Sở Kế hoạch và Đầu tư into Sở Tài chính, Sở Thông tin và Truyền thông into Sở
 * Khoa học và Công nghệ, Sở Nông nghiệp và Phát triển nông thôn with Sở Tài nguyên và Môi trường,
 * Sở Giao thông vận tải into Sở Xây dựng, Sở Lao động - Thương binh và Xã hội into Sở Nội vụ).
 */
import type { Era } from './bodies.js';

/** A department of a province. */
export interface Department {
  /** Name without "Sở" ("Công Thương"). */
  name: string;
  /** Symbol codes ("SCT" in "KH-SCT"). */
  codes: readonly string[];
  era: Era;
  /** Since 2025: the department that took over its work. */
  successor?: string;
  /** A real string it matches. */
  example: string;
}

export const DEPARTMENTS: readonly Department[] = [
  { name: 'Công Thương', codes: ['SCT'], era: 'both', example: '"SỞ CÔNG THƯƠNG", "Kế hoạch số 35/KH-SCT"' },
  { name: 'Giáo dục và Đào tạo', codes: ['SGDĐT', 'SGD&ĐT'], era: 'both', example: '"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "/KH-SGDĐT"' },
  { name: 'Tài chính', codes: ['STC'], era: 'both', example: '"Sở Tài chính", "Công văn số 1234/STC-NS"' },
  { name: 'Nội vụ', codes: ['SNV'], era: 'both', example: '"Sở Nội vụ", "/SNV-CCVC"' },
  { name: 'Tư pháp', codes: ['STP'], era: 'both', example: '"Sở Tư pháp", "/STP-HCTP"' },
  { name: 'Y tế', codes: ['SYT'], era: 'both', example: '"thuộc thẩm quyền giải quyết của Sở Y tế", "/SYT-NVY"' },
  { name: 'Xây dựng', codes: ['SXD'], era: 'both', example: '"Sở Xây dựng", "/SXD-QLN"' },
  { name: 'Nông nghiệp và Môi trường', codes: ['SNNMT', 'SoNNMT'], era: 'since-2025', example: '"Sở Nông nghiệp và Môi trường", "Tờ trình số 454/TTr-SoNNMT"' },
  { name: 'Văn hóa, Thể thao và Du lịch', codes: ['SVHTTDL'], era: 'both', example: '"Sở Văn hóa, Thể thao và Du lịch", "/SVHTTDL-QLVH"' },
  { name: 'Văn hóa và Thể thao', codes: ['SVHTT'], era: 'both', example: '"Sở Văn hóa và Thể thao" (Hà Nội, Hồ Chí Minh)' },
  { name: 'Du lịch', codes: ['SDL'], era: 'both', example: '"Sở Du lịch" (Hà Nội, Hồ Chí Minh, Đà Nẵng)' },
  { name: 'Khoa học và Công nghệ', codes: ['SKHCN'], era: 'both', example: '"Sở Khoa học và Công nghệ", "/SKHCN-QLCN"' },
  { name: 'Dân tộc và Tôn giáo', codes: ['SDTTG'], era: 'since-2025', example: '"Sở Dân tộc và Tôn giáo", "/SDTTG-VP"' },
  { name: 'Ngoại vụ', codes: ['SNgV'], era: 'both', example: '"Sở Ngoại vụ"' },
  { name: 'Kế hoạch và Đầu tư', codes: ['SKHĐT', 'SKH&ĐT'], era: 'before-2025', successor: 'Tài chính', example: '"Sở Kế hoạch và Đầu tư", "/SKHĐT-ĐKKD"' },
  { name: 'Thông tin và Truyền thông', codes: ['STTTT', 'STT&TT'], era: 'before-2025', successor: 'Khoa học và Công nghệ', example: '"Sở Thông tin và Truyền thông", "/STTTT-CNTT"' },
  { name: 'Nông nghiệp và Phát triển nông thôn', codes: ['SNNPTNT', 'SNN&PTNT'], era: 'before-2025', successor: 'Nông nghiệp và Môi trường', example: '"Sở Nông nghiệp và PTNT", "/SNNPTNT-KH"' },
  { name: 'Tài nguyên và Môi trường', codes: ['STNMT', 'STN&MT'], era: 'before-2025', successor: 'Nông nghiệp và Môi trường', example: '"Sở Tài nguyên và Môi trường", "/STNMT-QLĐĐ"' },
  { name: 'Giao thông vận tải', codes: ['SGTVT'], era: 'before-2025', successor: 'Xây dựng', example: '"Sở Giao thông vận tải", "/SGTVT-QLVT"' },
  { name: 'Lao động - Thương binh và Xã hội', codes: ['SLĐTBXH'], era: 'before-2025', successor: 'Nội vụ', example: '"Sở Lao động - Thương binh và Xã hội", "/SLĐTBXH-VL"' },
];
