/** 'Tư pháp – Hộ tịch' → 'tu-phap-ho-tich': a field code an admin can keep or change (^[a-z0-9-]{2,40}$). */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
