/**
 * The sample shop a newcomer can load to try everything: a small corner café and grocery with a realistic
 * catalogue (two tax rates, nested categories, EAN-13 barcodes) and a few days of sales.
 */
/** The sample shop's settings (prices include tax, as in most European retail). */
export const SAMPLE_SHOP = {
  name: 'Corner Café & Grocery',
  address: '12 Market Street, Springfield',
  phone: '+44 20 7946 0000',
  taxNumber: 'GB 123 4567 89',
  currency: 'EUR',
  pricesIncludeTax: true,
  defaultTaxBp: 2000,
};

/** The EAN-13 check digit of 12 digits. */
export function ean13CheckDigit(twelve: string): number {
  const sum = [...twelve].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10;
}

/** A valid EAN-13 from a 12-digit stem. */
export function ean13(stem: string): string {
  return stem + String(ean13CheckDigit(stem));
}

/** One sample product: category path, name, price in minor units (tax included), tax in basis points, stock. */
type SampleProduct = [category: string, name: string, price: number, taxBp: number, stock: number];

const FOOD = 550; // reduced rate for food
const STD = 2000;

const PRODUCTS: SampleProduct[] = [
  ['Drinks > Coffee', 'Espresso', 220, STD, 500],
  ['Drinks > Coffee', 'Cappuccino', 320, STD, 500],
  ['Drinks > Coffee', 'Flat white', 340, STD, 500],
  ['Drinks > Coffee', 'Café latte', 330, STD, 500],
  ['Drinks > Coffee', 'Ground coffee 250 g', 649, FOOD, 40],
  ['Drinks > Tea', 'English breakfast tea', 250, STD, 300],
  ['Drinks > Tea', 'Green tea', 260, STD, 300],
  ['Drinks > Tea', 'Earl Grey tea bags (40)', 389, FOOD, 35],
  ['Drinks > Cold', 'Still water 500 ml', 120, STD, 120],
  ['Drinks > Cold', 'Sparkling water 500 ml', 130, STD, 120],
  ['Drinks > Cold', 'Orange juice 1 l', 299, FOOD, 48],
  ['Drinks > Cold', 'Apple juice 1 l', 279, FOOD, 48],
  ['Drinks > Cold', 'Cola 330 ml', 150, STD, 96],
  ['Bakery', 'Croissant', 180, FOOD, 60],
  ['Bakery', 'Pain au chocolat', 210, FOOD, 60],
  ['Bakery', 'Sourdough loaf', 450, FOOD, 20],
  ['Bakery', 'Baguette', 150, FOOD, 40],
  ['Bakery', 'Blueberry muffin', 275, FOOD, 30],
  ['Bakery', 'Cinnamon roll', 295, FOOD, 30],
  ['Grocery > Dairy', 'Whole milk 1 l', 119, FOOD, 60],
  ['Grocery > Dairy', 'Butter 250 g', 279, FOOD, 40],
  ['Grocery > Dairy', 'Free-range eggs (6)', 265, FOOD, 36],
  ['Grocery > Dairy', 'Cheddar 200 g', 325, FOOD, 25],
  ['Grocery > Dairy', 'Greek yoghurt 500 g', 235, FOOD, 30],
  ['Grocery > Pantry', 'Spaghetti 500 g', 129, FOOD, 50],
  ['Grocery > Pantry', 'Chopped tomatoes 400 g', 89, FOOD, 80],
  ['Grocery > Pantry', 'Extra virgin olive oil 500 ml', 749, FOOD, 20],
  ['Grocery > Pantry', 'Basmati rice 1 kg', 299, FOOD, 30],
  ['Grocery > Pantry', 'Strawberry jam 340 g', 259, FOOD, 25],
  ['Grocery > Pantry', 'Honey 250 g', 499, FOOD, 18],
  ['Grocery > Fruit', 'Bananas (bunch)', 149, FOOD, 40],
  ['Grocery > Fruit', 'Apples (6)', 259, FOOD, 30],
  ['Grocery > Fruit', 'Lemons (3)', 139, FOOD, 30],
  ['Snacks', 'Dark chocolate bar', 199, STD, 60],
  ['Snacks', 'Salted crisps', 119, STD, 70],
  ['Snacks', 'Oat flapjack', 185, STD, 40],
  ['Snacks', 'Mixed nuts 150 g', 349, FOOD, 30],
  ['Household', 'Dish soap 500 ml', 189, STD, 24],
  ['Household', 'Kitchen roll (2)', 299, STD, 24],
  ['Household', 'Paper bag', 10, STD, 1000],
];

/** The sample catalogue, each with a unique SKU and EAN-13 barcode. */
export function sampleProducts(): { category: string[]; name: string; sku: string; barcode: string; price: number; taxBp: number; stock: number }[] {
  return PRODUCTS.map(([category, name, price, taxBp, stock], i) => ({
    category: category.split(' > '),
    name,
    sku: `SMP-${String(i + 1).padStart(3, '0')}`,
    barcode: ean13(`400000${String(i + 1).padStart(6, '0')}`),
    price,
    taxBp,
    stock,
  }));
}

/**
 * A few days of plausible past sales: which products (by index into {@link sampleProducts}) and how paid.
 * Deterministic, so the sample shop looks the same every time.
 */
export function sampleHistory(): { daysAgo: number; hour: number; items: [index: number, qty: number][]; method: 'cash' | 'card' }[] {
  const history: ReturnType<typeof sampleHistory> = [];
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let day = 3; day >= 1; day--) {
    for (let s = 0; s < 5; s++) {
      const items: [number, number][] = [];
      const count = 1 + next(3);
      for (let k = 0; k < count; k++) items.push([next(PRODUCTS.length), 1 + next(2)]);
      history.push({ daysAgo: day, hour: 8 + s * 2, items, method: next(2) === 0 ? 'cash' : 'card' });
    }
  }
  return history;
}
