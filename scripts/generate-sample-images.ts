/**
 * Generates every image of the sample content: article hero and figure illustrations
 * (1600×900 JPEG), author portraits (600×600 JPEG), the sponsor logo (PNG) and the ad
 * creatives in `public/ads/` (PNG at their slot sizes; without their own "REKLAMA": the
 * page's ad slot labels every ad). Each image is an SVG drawn here
 * and rasterized by sharp, so nothing is downloaded and the same input gives the same
 * files on the same sharp/libvips build. The output is committed: builds never run this.
 *
 * Run: `npm exec -- node scripts/generate-sample-images.ts`
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = new URL('../', import.meta.url);
const contentImages = new URL('content/images/', root);
const adsFolder = new URL('public/ads/', root);

/** Hero images above this size get a warning: they are optimized at build time, but the repository should stay small. */
const heroBudgetBytes = 120 * 1024;

const FONT = 'DejaVu Sans, Liberation Sans, sans-serif';

type Motif =
  | 'phone'
  | 'code'
  | 'scale'
  | 'chip'
  | 'shield'
  | 'document'
  | 'cart'
  | 'network'
  | 'alert'
  | 'bank'
  | 'card'
  | 'cursor'
  | 'clock'
  | 'lock'
  | 'parliament'
  | 'server'
  | 'idcard'
  | 'eu'
  | 'eye'
  | 'flow'
  | 'pyramid';

interface Illustration {
  /** File under `content/images/`. */
  file: string;
  /** Small upper-case line above the title. */
  kicker: string;
  /** Short title, wrapped onto at most three lines. */
  title: string;
  motif: Motif;
  /** Gradient start, gradient end, accent. */
  palette: readonly [string, string, string];
  /** Words the motif prints (SMS text, flow steps, pyramid levels). */
  labels?: readonly string[];
}

const illustrations: readonly Illustration[] = [
  {
    file: 'sms-doplata-paczka.jpg',
    kicker: 'CERT Polska',
    title: 'Fałszywe SMS-y o dopłacie do paczki',
    motif: 'phone',
    palette: ['#0f2a4a', '#1f5f8b', '#ffb703'],
  },
  {
    file: 'blik-oszustwo.jpg',
    kicker: 'Płatności',
    title: 'Kod BLIK dla „znajomego”',
    motif: 'code',
    palette: ['#1b1b3a', '#693668', '#ff7a5c'],
  },
  {
    file: 'uodo-kara-sklep.jpg',
    kicker: 'UODO',
    title: 'Kara za wyciek danych klientów sklepu',
    motif: 'scale',
    palette: ['#22313f', '#3d5a80', '#e0c36c'],
  },
  {
    file: 'ai-act-firmy.jpg',
    kicker: 'AI Act',
    title: 'Obowiązki firm, które korzystają z AI',
    motif: 'chip',
    palette: ['#0b132b', '#3a506b', '#5bc0be'],
  },
  {
    file: 'ksc-nis2.jpg',
    kicker: 'Ustawa o KSC',
    title: 'NIS2: kto musi się przygotować',
    motif: 'shield',
    palette: ['#102a43', '#243b53', '#62b6cb'],
  },
  {
    file: 'ksef-mikrofirmy.jpg',
    kicker: 'KSeF',
    title: 'E-faktury w najmniejszych firmach',
    motif: 'document',
    palette: ['#1d3557', '#457b9d', '#f1faee'],
  },
  {
    file: 'falszywe-sklepy.jpg',
    kicker: 'Black Friday',
    title: 'Sklep, który tylko udaje sklep',
    motif: 'cart',
    palette: ['#2b2d42', '#8d0801', '#ffd166'],
  },
  {
    file: 'dsa-platformy.jpg',
    kicker: 'DSA',
    title: 'Platformy internetowe pod nadzorem',
    motif: 'network',
    palette: ['#03045e', '#0077b6', '#90e0ef'],
  },
  {
    file: 'knf-deepfake.jpg',
    kicker: 'KNF ostrzega',
    title: 'Deepfake w reklamach „inwestycji”',
    motif: 'alert',
    palette: ['#370617', '#9d0208', '#ffba08'],
  },
  {
    file: 'bank-wyrok.jpg',
    kicker: 'Wyrok',
    title: 'Bank musi oddać pieniądze klientce',
    motif: 'bank',
    palette: ['#283618', '#606c38', '#fefae0'],
  },
  {
    file: 'open-banking.jpg',
    kicker: 'Open banking',
    title: 'Dane z konta w aplikacji fintech',
    motif: 'card',
    palette: ['#14213d', '#2a6f97', '#fca311'],
  },
  {
    file: 'przycisk-odstapienia.jpg',
    kicker: 'Prawa konsumenta',
    title: 'Przycisk „odstąp od umowy”',
    motif: 'cursor',
    palette: ['#264653', '#2a9d8f', '#e9c46a'],
  },
  {
    file: 'dark-patterns.jpg',
    kicker: 'UOKiK',
    title: 'Fałszywe liczniki w sklepach online',
    motif: 'clock',
    palette: ['#3c096c', '#7b2cbf', '#ff9e00'],
  },
  {
    file: 'wyciek-danych.jpg',
    kicker: 'Poradnik',
    title: 'Co zrobić po wycieku danych',
    motif: 'lock',
    palette: ['#212529', '#495057', '#f77f00'],
  },
  {
    file: 'sejm-ustawa-ai.jpg',
    kicker: 'Sejm',
    title: 'Ustawa o systemach sztucznej inteligencji',
    motif: 'parliament',
    palette: ['#5c0b12', '#a4161a', '#f5f3f4'],
  },
  {
    file: 'ransomware-gmina.jpg',
    kicker: 'Ransomware',
    title: 'Atak na urząd gminy',
    motif: 'server',
    palette: ['#0d1b2a', '#1b263b', '#e63946'],
  },
  {
    file: 'mobywatel-phishing.jpg',
    kicker: 'Phishing',
    title: 'Fałszywe strony „mObywatela”',
    motif: 'idcard',
    palette: ['#1a1a2e', '#16213e', '#e94560'],
  },
  {
    file: 'psr-spoofing.jpg',
    kicker: 'Unia Europejska',
    title: 'Nowe zasady płatności w UE',
    motif: 'eu',
    palette: ['#001d3d', '#003566', '#ffd60a'],
  },
  {
    file: 'ai-rekrutacja.jpg',
    kicker: 'AI w rekrutacji',
    title: 'Algorytm ocenia kandydatów',
    motif: 'eye',
    palette: ['#2d3142', '#4f5d75', '#ef8354'],
  },
  {
    file: 'sklep-zabezpieczenia.jpg',
    kicker: 'Materiał partnera',
    title: 'Bezpieczny sklep w sezonie zakupów',
    motif: 'shield',
    palette: ['#004b23', '#007f5f', '#aacc00'],
  },
  {
    file: 'tsue-orzecznictwo.jpg',
    kicker: 'Orzecznictwo',
    title: 'TSUE i ochrona danych osobowych',
    motif: 'scale',
    palette: ['#1e1e24', '#40476d', '#c9ada7'],
  },
  {
    file: 'ksef-pierwsze-tygodnie.jpg',
    kicker: 'KSeF',
    title: 'Pierwsze tygodnie obowiązku',
    motif: 'document',
    palette: ['#0b3954', '#087e8b', '#bfd7ea'],
  },
  {
    file: 'sms-przyklad.jpg',
    kicker: 'Tak wygląda oszustwo',
    title: 'Przykładowa wiadomość od oszustów',
    motif: 'phone',
    palette: ['#1c2541', '#3a506b', '#ffb703'],
    labels: ['Kurier-Info:', 'Twoja paczka czeka', 'na dopłatę 1,89 zł.', 'Opłać w ciągu 24 h:', 'doplata24.example'],
  },
  {
    file: 'deepfake-schemat.jpg',
    kicker: 'Schemat',
    title: 'Od reklamy do pustego konta',
    motif: 'flow',
    palette: ['#2b0a0a', '#6a040f', '#ffba08'],
    labels: ['Reklama z deepfake', 'Formularz i telefon', '„Opiekun” i aplikacja', 'Przelewy na „platformę”'],
  },
  {
    file: 'ai-act-poziomy-ryzyka.jpg',
    kicker: 'AI Act',
    title: 'Cztery poziomy ryzyka',
    motif: 'pyramid',
    palette: ['#0b132b', '#1c2541', '#5bc0be'],
    labels: ['Zakazane', 'Wysokie ryzyko', 'Przejrzystość', 'Minimalne ryzyko'],
  },
];

interface Portrait {
  file: string;
  initials: string;
  palette: readonly [string, string, string];
  /** Hair shape, so the four portraits do not look alike. */
  hair: 'short' | 'long' | 'bun' | 'bald';
}

const portraits: readonly Portrait[] = [
  { file: 'authors/helena-wierzbicka.jpg', initials: 'HW', palette: ['#3d5a80', '#98c1d9', '#293241'], hair: 'long' },
  { file: 'authors/bartosz-kedzierski.jpg', initials: 'BK', palette: ['#264653', '#2a9d8f', '#1b1b1b'], hair: 'short' },
  { file: 'authors/agata-pawlikowska-rys.jpg', initials: 'AP', palette: ['#6d597a', '#e56b6f', '#3b2f2f'], hair: 'bun' },
  { file: 'authors/szymon-olejnik.jpg', initials: 'SO', palette: ['#283618', '#dda15e', '#4a3728'], hair: 'bald' },
];

/** A 32-bit FNV-1a hash: seeds the decoration of each image from its file name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const char of text) {
    h ^= char.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: a small seeded generator, so decorations are random-looking but repeatable. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Splits a title into lines of at most `width` characters, breaking between words. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Translucent circles and a dotted grid behind the picture. */
function decoration(seed: string, width: number, height: number): string {
  const next = random(hash(seed));
  const circles = Array.from({ length: 7 }, () => {
    const r = 60 + next() * 260;
    return `<circle cx="${(next() * width).toFixed(0)}" cy="${(next() * height).toFixed(0)}" r="${r.toFixed(0)}" fill="#fff" fill-opacity="${(0.03 + next() * 0.05).toFixed(3)}"/>`;
  }).join('');
  return `${circles}<rect width="${width}" height="${height}" fill="url(#dots)"/>`;
}

/** Each motif is drawn in a 500×500 box; `a` is the accent colour. */
function motif(kind: Motif, a: string, labels: readonly string[] = []): string {
  const w = '#ffffff';
  switch (kind) {
    case 'phone': {
      const lines = labels.length > 0 ? labels : ['Dopłata 1,89 zł,', 'kliknij w link:', 'doplata24.example'];
      const text = lines
        .map(
          (line, i) =>
            `<text x="142" y="${222 + i * 32}" font-size="20" font-family="${FONT}" fill="#1b1b1b"${i === lines.length - 1 ? ' font-weight="bold"' : ''}>${escapeXml(line)}</text>`,
        )
        .join('');
      return `<rect x="95" y="10" width="310" height="480" rx="42" fill="#11151c" stroke="${w}" stroke-opacity="0.6" stroke-width="6"/>
        <rect x="115" y="60" width="270" height="390" rx="12" fill="${w}" fill-opacity="0.92"/>
        <rect x="210" y="28" width="80" height="10" rx="5" fill="${w}" fill-opacity="0.4"/>
        <rect x="127" y="190" width="246" height="${lines.length * 32 + 22}" rx="14" fill="${a}" fill-opacity="0.4"/>
        <path d="M140 ${190 + lines.length * 32 + 22} v20 l22 -20 z" fill="${a}" fill-opacity="0.4"/>
        ${text}
        <circle cx="385" cy="75" r="34" fill="${a}"/><text x="385" y="90" text-anchor="middle" font-size="40" font-weight="bold" font-family="${FONT}" fill="#1b1b1b">!</text>`;
    }
    case 'code': {
      const digits = ['7', '3', '0', '9', '1', '4'];
      return `${digits
        .map(
          (d, i) =>
            `<rect x="${20 + i * 78}" y="170" width="66" height="100" rx="14" fill="${w}" fill-opacity="${i < 3 ? 0.95 : 0.25}"/>` +
            `<text x="${53 + i * 78}" y="240" text-anchor="middle" font-size="56" font-weight="bold" font-family="${FONT}" fill="#1b1b3a">${i < 3 ? d : ''}</text>`,
        )
        .join('')}
        <path d="M60 330 q190 90 380 0" fill="none" stroke="${a}" stroke-width="10" stroke-linecap="round"/>
        <path d="M420 300 l25 32 l-40 10" fill="none" stroke="${a}" stroke-width="10" stroke-linecap="round" stroke-linejoin="round"/>
        <circle cx="250" cy="90" r="52" fill="${a}"/><rect x="222" y="78" width="56" height="40" rx="6" fill="#1b1b3a"/>
        <path d="M232 78 v-12 a18 18 0 0 1 36 0 v12" fill="none" stroke="#1b1b3a" stroke-width="8"/>`;
    }
    case 'scale':
      return `<rect x="240" y="60" width="20" height="360" fill="${w}"/><rect x="150" y="410" width="200" height="30" rx="8" fill="${w}"/>
        <rect x="70" y="100" width="360" height="14" rx="7" fill="${a}" transform="rotate(-6 250 107)"/>
        <circle cx="250" cy="60" r="22" fill="${a}"/>
        <path d="M95 120 l-55 130 h110 z" fill="none" stroke="${w}" stroke-width="5"/><path d="M40 250 a55 30 0 0 0 110 0 z" fill="${a}"/>
        <path d="M405 82 l-55 130 h110 z" fill="none" stroke="${w}" stroke-width="5"/><path d="M350 212 a55 30 0 0 0 110 0 z" fill="${a}"/>`;
    case 'chip': {
      const pins = Array.from({ length: 6 }, (_, i) => {
        const p = 135 + i * 46;
        return `<rect x="${p}" y="45" width="14" height="60" fill="${a}"/><rect x="${p}" y="395" width="14" height="60" fill="${a}"/><rect x="45" y="${p}" width="60" height="14" fill="${a}"/><rect x="395" y="${p}" width="60" height="14" fill="${a}"/>`;
      }).join('');
      return `${pins}<rect x="100" y="100" width="300" height="300" rx="30" fill="#0b132b" stroke="${w}" stroke-width="8"/>
        <text x="250" y="285" text-anchor="middle" font-size="120" font-weight="bold" font-family="${FONT}" fill="${a}">AI</text>`;
    }
    case 'shield':
      return `<path d="M250 30 l180 60 v120 c0 140 -90 220 -180 260 c-90 -40 -180 -120 -180 -260 v-120 z" fill="${w}" fill-opacity="0.15" stroke="${w}" stroke-width="10"/>
        <path d="M250 80 l135 45 v90 c0 105 -68 165 -135 195 z" fill="${a}" fill-opacity="0.8"/>
        <path d="M160 250 l60 60 l120 -130" fill="none" stroke="${w}" stroke-width="28" stroke-linecap="round" stroke-linejoin="round"/>`;
    case 'document':
      return `<path d="M100 30 h220 l90 90 v350 h-310 z" fill="${w}" fill-opacity="0.95"/><path d="M320 30 v90 h90" fill="${a}" fill-opacity="0.6"/>
        ${[170, 215, 260, 305].map((y, i) => `<rect x="140" y="${y}" width="${i % 2 ? 160 : 230}" height="16" rx="8" fill="#1d3557" fill-opacity="0.5"/>`).join('')}
        <rect x="140" y="360" width="120" height="70" rx="8" fill="#1d3557" fill-opacity="0.15"/>
        <circle cx="360" cy="400" r="64" fill="#e63946"/><text x="360" y="418" text-anchor="middle" font-size="46" font-weight="bold" font-family="${FONT}" fill="${w}">XML</text>`;
    case 'cart':
      return `<path d="M30 90 h70 l60 250 h240 l50 -190 h-320" fill="none" stroke="${w}" stroke-width="22" stroke-linejoin="round" stroke-linecap="round"/>
        <circle cx="190" cy="410" r="34" fill="${w}"/><circle cx="370" cy="410" r="34" fill="${w}"/>
        <rect x="200" y="170" width="170" height="110" rx="12" fill="${a}"/>
        <text x="285" y="248" text-anchor="middle" font-size="64" font-weight="bold" font-family="${FONT}" fill="#2b2d42">-90%</text>
        <path d="M330 40 l120 120 M450 40 l-120 120" stroke="#e63946" stroke-width="20" stroke-linecap="round"/>`;
    case 'network': {
      const nodes: [number, number][] = [
        [250, 250],
        [90, 110],
        [410, 90],
        [430, 330],
        [120, 400],
        [260, 450],
        [60, 260],
      ];
      const edges = nodes
        .slice(1)
        .map(([x, y]) => `<line x1="250" y1="250" x2="${x}" y2="${y}" stroke="${w}" stroke-opacity="0.55" stroke-width="6"/>`)
        .join('');
      return `${edges}<line x1="90" y1="110" x2="60" y2="260" stroke="${w}" stroke-opacity="0.3" stroke-width="4"/><line x1="430" y1="330" x2="260" y2="450" stroke="${w}" stroke-opacity="0.3" stroke-width="4"/>
        ${nodes.map(([x, y], i) => `<circle cx="${x}" cy="${y}" r="${i === 0 ? 70 : 34}" fill="${i === 0 ? a : w}"/>`).join('')}
        <text x="250" y="270" text-anchor="middle" font-size="48" font-weight="bold" font-family="${FONT}" fill="#03045e">DSA</text>`;
    }
    case 'alert':
      return `<path d="M250 40 l220 400 h-440 z" fill="${a}" stroke="${w}" stroke-width="12" stroke-linejoin="round"/>
        <rect x="228" y="170" width="44" height="160" rx="22" fill="#370617"/><circle cx="250" cy="385" r="28" fill="#370617"/>`;
    case 'bank':
      return `<path d="M40 170 l210 -120 l210 120 z" fill="${a}"/>
        ${[80, 160, 240, 320, 400].map((x) => `<rect x="${x - 18}" y="190" width="36" height="200" fill="${w}"/>`).join('')}
        <rect x="40" y="170" width="420" height="22" fill="${w}"/><rect x="20" y="395" width="460" height="28" fill="${w}"/><rect x="0" y="428" width="500" height="30" fill="${a}"/>
        <circle cx="250" cy="125" r="26" fill="#283618"/>`;
    case 'card':
      return `<rect x="30" y="110" width="400" height="250" rx="26" fill="${a}" transform="rotate(-8 230 235)"/>
        <rect x="70" y="150" width="400" height="250" rx="26" fill="${w}" fill-opacity="0.95"/>
        <rect x="70" y="195" width="400" height="46" fill="#14213d"/>
        <rect x="105" y="280" width="70" height="52" rx="8" fill="${a}"/>
        <rect x="200" y="300" width="230" height="16" rx="8" fill="#14213d" fill-opacity="0.4"/>
        <path d="M330 40 c60 0 100 40 100 80 M345 70 c35 0 55 20 55 45" fill="none" stroke="${w}" stroke-width="10" stroke-linecap="round"/>`;
    case 'cursor':
      return `<rect x="10" y="150" width="480" height="130" rx="65" fill="${a}"/>
        <text x="250" y="228" text-anchor="middle" font-size="36" font-weight="bold" font-family="${FONT}" fill="#264653">Odstąp od umowy</text>
        <path d="M300 250 v190 l45 -45 l35 75 l30 -14 l-35 -74 h64 z" fill="${w}" stroke="#264653" stroke-width="8" stroke-linejoin="round"/>`;
    case 'clock':
      return `<circle cx="250" cy="250" r="200" fill="none" stroke="${w}" stroke-width="18"/>
        ${Array.from({ length: 12 }, (_, i) => `<rect x="244" y="70" width="12" height="${i % 3 ? 24 : 44}" fill="${w}" transform="rotate(${i * 30} 250 250)"/>`).join('')}
        <path d="M250 250 L250 110 A140 140 0 0 1 371 320 Z" fill="${a}" fill-opacity="0.85"/>
        <rect x="238" y="120" width="24" height="140" rx="12" fill="${w}"/><rect x="238" y="238" width="110" height="24" rx="12" fill="${w}" transform="rotate(35 250 250)"/>
        <rect x="140" y="410" width="220" height="70" rx="14" fill="#e63946"/><text x="250" y="458" text-anchor="middle" font-size="40" font-weight="bold" font-family="${FONT}" fill="${w}">00:59</text>`;
    case 'lock':
      return `<path d="M150 220 v-70 a100 100 0 0 1 200 0 v20" fill="none" stroke="${w}" stroke-width="34" stroke-linecap="round" transform="rotate(-14 350 170)"/>
        <rect x="100" y="220" width="300" height="240" rx="34" fill="${a}"/>
        <circle cx="250" cy="315" r="34" fill="#212529"/><rect x="236" y="320" width="28" height="80" rx="10" fill="#212529"/>`;
    case 'parliament':
      return `<path d="M110 200 a140 130 0 0 1 280 0 z" fill="${w}" fill-opacity="0.95"/><rect x="240" y="40" width="20" height="40" fill="${w}"/>
        <rect x="60" y="200" width="380" height="26" fill="${a}"/>
        ${[90, 150, 210, 290, 350, 410].map((x) => `<rect x="${x - 16}" y="230" width="32" height="170" fill="${w}" fill-opacity="0.95"/>`).join('')}
        <rect x="30" y="400" width="440" height="34" fill="${a}"/><rect x="0" y="438" width="500" height="30" fill="${w}" fill-opacity="0.8"/>`;
    case 'server':
      return `${[60, 190, 320]
        .map(
          (y, i) =>
            `<rect x="70" y="${y}" width="360" height="110" rx="16" fill="${w}" fill-opacity="0.92"/>` +
            `<circle cx="120" cy="${y + 55}" r="16" fill="${i === 1 ? a : '#2a9d8f'}"/>` +
            `<rect x="170" y="${y + 45}" width="210" height="20" rx="10" fill="#0d1b2a" fill-opacity="0.35"/>`,
        )
        .join('')}
        <circle cx="380" cy="380" r="96" fill="${a}"/><rect x="330" y="370" width="100" height="72" rx="10" fill="#0d1b2a"/>
        <path d="M345 370 v-22 a35 35 0 0 1 70 0 v22" fill="none" stroke="#0d1b2a" stroke-width="14"/>`;
    case 'idcard':
      return `<rect x="30" y="100" width="440" height="290" rx="28" fill="${w}" fill-opacity="0.95"/>
        <rect x="30" y="100" width="440" height="64" rx="28" fill="${a}"/><rect x="30" y="136" width="440" height="28" fill="${a}"/>
        <circle cx="130" cy="265" r="55" fill="#16213e" fill-opacity="0.6"/><rect x="75" y="320" width="110" height="40" rx="20" fill="#16213e" fill-opacity="0.6"/>
        ${[220, 260, 300].map((y, i) => `<rect x="220" y="${y}" width="${i === 2 ? 120 : 200}" height="18" rx="9" fill="#16213e" fill-opacity="0.35"/>`).join('')}
        <path d="M330 20 l140 140 M470 20 l-140 140" stroke="#e63946" stroke-width="22" stroke-linecap="round"/>`;
    case 'eu': {
      const stars = Array.from({ length: 12 }, (_, i) => {
        const angle = (i * Math.PI) / 6;
        const x = 250 + 170 * Math.cos(angle);
        const y = 250 + 170 * Math.sin(angle);
        return `<path d="M${x.toFixed(1)} ${(y - 26).toFixed(1)} l7.6 15.4 l17 2.5 l-12.3 12 l2.9 16.9 l-15.2 -8 l-15.2 8 l2.9 -16.9 l-12.3 -12 l17 -2.5 z" fill="${a}"/>`;
      }).join('');
      return `${stars}<text x="250" y="285" text-anchor="middle" font-size="110" font-weight="bold" font-family="${FONT}" fill="${w}">€</text>`;
    }
    case 'eye':
      return `<path d="M20 250 q230 -230 460 0 q-230 230 -460 0 z" fill="${w}" fill-opacity="0.95"/>
        <circle cx="250" cy="250" r="110" fill="${a}"/><circle cx="250" cy="250" r="52" fill="#2d3142"/><circle cx="275" cy="222" r="18" fill="${w}"/>
        ${[80, 160, 340, 420].map((x, i) => `<rect x="${x - 26}" y="${i % 2 ? 430 : 20}" width="52" height="52" rx="26" fill="${w}" fill-opacity="0.35"/>`).join('')}`;
    case 'flow': {
      const steps = labels.length > 0 ? labels : ['Krok 1', 'Krok 2', 'Krok 3', 'Krok 4'];
      return steps
        .map(
          (step, i) =>
            `<rect x="40" y="${i * 120}" width="420" height="84" rx="18" fill="${i === steps.length - 1 ? a : w}" fill-opacity="${i === steps.length - 1 ? 1 : 0.92}"/>` +
            `<text x="250" y="${i * 120 + 53}" text-anchor="middle" font-size="30" font-weight="bold" font-family="${FONT}" fill="#2b0a0a">${escapeXml(step)}</text>` +
            (i < steps.length - 1
              ? `<path d="M250 ${i * 120 + 88} v26 m-14 -14 l14 14 l14 -14" fill="none" stroke="${w}" stroke-width="6" stroke-linecap="round"/>`
              : ''),
        )
        .join('');
    }
    case 'pyramid': {
      const levels = labels.length > 0 ? labels : ['1', '2', '3', '4'];
      const colours = ['#e63946', '#f4a261', a, '#90be6d'];
      return levels
        .map((level, i) => {
          const top = 40 + i * 110;
          const half = (i + 1) * 58;
          const halfBottom = (i + 2) * 58;
          return (
            `<path d="M${250 - half} ${top} h${2 * half} l${halfBottom - half} 100 h${-2 * halfBottom} z" fill="${colours[i % colours.length]}"/>` +
            `<text x="250" y="${top + 62}" text-anchor="middle" font-size="${i === 0 ? 24 : 30}" font-weight="bold" font-family="${FONT}" fill="#0b132b">${escapeXml(level)}</text>`
          );
        })
        .join('');
    }
  }
}

function heroSvg(item: Illustration): string {
  const [from, to, accent] = item.palette;
  const lines = wrap(item.title, 18).slice(0, 3);
  const titleTop = 450 - (lines.length * 92) / 2;
  const title = lines
    .map(
      (line, i) =>
        `<text x="110" y="${titleTop + 60 + i * 92}" font-size="68" font-weight="bold" font-family="${FONT}" fill="#ffffff">${escapeXml(line)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
    <defs>
      <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>
      <pattern id="dots" width="40" height="40" patternUnits="userSpaceOnUse"><circle cx="20" cy="20" r="2" fill="#ffffff" fill-opacity="0.08"/></pattern>
    </defs>
    <rect width="1600" height="900" fill="url(#bg)"/>
    ${decoration(item.file, 1600, 900)}
    <rect x="110" y="${titleTop - 72}" width="70" height="8" fill="${accent}"/>
    <text x="110" y="${titleTop - 22}" font-size="30" font-weight="bold" letter-spacing="4" font-family="${FONT}" fill="${accent}">${escapeXml(item.kicker.toUpperCase())}</text>
    ${title}
    <g transform="translate(960 200)">${motif(item.motif, accent, item.labels)}</g>
    <text x="110" y="830" font-size="22" font-family="${FONT}" fill="#ffffff" fill-opacity="0.55">Szpalta · ilustracja</text>
  </svg>`;
}

function portraitSvg(item: Portrait): string {
  const [from, to, hairColour] = item.palette;
  const hair: Record<Portrait['hair'], string> = {
    short: `<path d="M205 230 q0 -110 95 -110 q95 0 95 110 q-20 -55 -95 -55 q-75 0 -95 55 z" fill="${hairColour}"/>`,
    long: `<path d="M190 330 q-20 -210 110 -210 q130 0 110 210 l-30 60 q10 -120 -25 -170 q-55 20 -110 0 q-35 50 -25 170 z" fill="${hairColour}"/>`,
    bun: `<circle cx="300" cy="110" r="42" fill="${hairColour}"/><path d="M205 235 q0 -105 95 -105 q95 0 95 105 q-40 -45 -95 -45 q-55 0 -95 45 z" fill="${hairColour}"/>`,
    bald: `<path d="M212 220 q10 -30 25 -40 M388 220 q-10 -30 -25 -40" stroke="${hairColour}" stroke-width="14" fill="none"/>`,
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
    <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
    <rect width="600" height="600" fill="url(#bg)"/>
    ${decoration(item.file, 600, 600)}
    <path d="M90 600 q0 -190 210 -190 q210 0 210 190 z" fill="#f1ece4"/>
    <path d="M250 400 h100 l-50 70 z" fill="${from}"/>
    <rect x="265" y="330" width="70" height="80" rx="20" fill="#e8c4a6"/>
    <ellipse cx="300" cy="255" rx="95" ry="112" fill="#efd2b8"/>
    ${hair[item.hair]}
    <circle cx="265" cy="260" r="9" fill="#2b2b2b"/><circle cx="335" cy="260" r="9" fill="#2b2b2b"/>
    <path d="M270 315 q30 22 60 0" fill="none" stroke="#9c5b4b" stroke-width="7" stroke-linecap="round"/>
    <text x="40" y="70" font-size="40" font-weight="bold" font-family="${FONT}" fill="#ffffff" fill-opacity="0.75">${escapeXml(item.initials)}</text>
  </svg>`;
}

function sponsorLogoSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="160" viewBox="0 0 480 160">
    <rect width="480" height="160" rx="16" fill="#ffffff"/>
    <g transform="translate(24 20) scale(0.24)">${motif('shield', '#007f5f').replaceAll('#ffffff', '#004b23')}</g>
    <text x="160" y="78" font-size="40" font-weight="bold" font-family="${FONT}" fill="#004b23">Tarcza</text>
    <text x="160" y="122" font-size="40" font-weight="bold" font-family="${FONT}" fill="#007f5f">Cyfrowa</text>
  </svg>`;
}

interface AdCreative {
  file: string;
  width: number;
  height: number;
  lines: readonly string[];
  cta: string;
  palette: readonly [string, string, string];
}

const ads: readonly AdCreative[] = [
  {
    file: 'top-970x250.png',
    width: 970,
    height: 250,
    lines: ['Bezpieczny E-handel 2027', 'Konferencja · Warszawa, 11 marca', 'RODO, KSeF i AI Act w sklepie internetowym'],
    cta: 'Zarejestruj się',
    palette: ['#0b3954', '#087e8b', '#ffd166'],
  },
  {
    file: 'in-article-300x250.png',
    width: 300,
    height: 250,
    lines: ['Kurs online:', 'RODO w sklepie', 'internetowym'],
    cta: 'Sprawdź program',
    palette: ['#3c096c', '#7b2cbf', '#ff9e00'],
  },
  {
    file: 'sidebar-300x600.png',
    width: 300,
    height: 600,
    lines: ['Audyt', 'bezpieczeństwa', 'e-sklepu', '', 'Test phishingowy', 'dla zespołu', 'w pakiecie'],
    cta: 'Zamów wycenę',
    palette: ['#102a43', '#243b53', '#62b6cb'],
  },
];

function adSvg(ad: AdCreative): string {
  const [from, to, accent] = ad.palette;
  const wide = ad.width > ad.height * 2;
  const size = wide ? 40 : ad.height > 400 ? 32 : 26;
  const textTop = wide ? 88 : ad.height > 400 ? 150 : 72;
  const text = ad.lines
    .map(
      (line, i) =>
        `<text x="${wide ? 40 : ad.width / 2}" y="${textTop + i * (wide ? 52 : size * 1.25)}" ${wide ? '' : 'text-anchor="middle"'} font-size="${wide && i > 0 ? 24 : size}" font-weight="${i === 0 ? 'bold' : 'normal'}" font-family="${FONT}" fill="#ffffff">${escapeXml(line)}</text>`,
    )
    .join('');
  const buttonWidth = 230;
  const buttonX = wide ? ad.width - buttonWidth - 40 : (ad.width - buttonWidth) / 2;
  const buttonY = wide ? ad.height - 96 : ad.height - (ad.height > 400 ? 100 : 74);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${ad.width}" height="${ad.height}" viewBox="0 0 ${ad.width} ${ad.height}">
    <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
    <rect width="${ad.width}" height="${ad.height}" fill="url(#bg)"/>
    <rect x="0.5" y="0.5" width="${ad.width - 1}" height="${ad.height - 1}" fill="none" stroke="${accent}" stroke-width="2"/>
    ${text}
    <rect x="${buttonX}" y="${buttonY}" width="${buttonWidth}" height="56" rx="28" fill="${accent}"/>
    <text x="${buttonX + buttonWidth / 2}" y="${buttonY + 37}" text-anchor="middle" font-size="22" font-weight="bold" font-family="${FONT}" fill="${from}">${escapeXml(ad.cta)}</text>
  </svg>`;
}

async function write(target: URL, data: Buffer): Promise<number> {
  const path = fileURLToPath(target);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  return data.length;
}

// mozjpeg gives ~30% smaller files at the same quality; metadata is stripped by default.
const jpeg = (svg: string) => sharp(Buffer.from(svg)).jpeg({ quality: 72, mozjpeg: true }).toBuffer();
const png = (svg: string) => sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer();

let total = 0;
let overBudget = 0;
for (const item of illustrations) {
  const bytes = await write(new URL(item.file, contentImages), await jpeg(heroSvg(item)));
  total += bytes;
  if (bytes > heroBudgetBytes) {
    overBudget += 1;
    console.warn(`${item.file}: ${(bytes / 1024).toFixed(1)} kB, over the ${heroBudgetBytes / 1024} kB budget`);
  }
}
for (const item of portraits) total += await write(new URL(item.file, contentImages), await jpeg(portraitSvg(item)));
total += await write(new URL('sponsors/tarcza-cyfrowa.png', contentImages), await png(sponsorLogoSvg()));
for (const ad of ads) total += await write(new URL(ad.file, adsFolder), await png(adSvg(ad)));

const count = illustrations.length + portraits.length + 1 + ads.length;
console.log(`${count} images written, ${(total / 1024).toFixed(0)} kB in total; ${overBudget} illustrations over budget.`);
if (overBudget > 0) process.exitCode = 1;
