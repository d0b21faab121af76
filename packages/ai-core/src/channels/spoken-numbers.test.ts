import { describe, expect, it } from 'vitest';
import { speakNumbers } from './spoken-numbers';

describe('speakNumbers', () => {
  it.each([
    ['$19.99', '19 dollars and 99 cents'],
    ['$20', '20 dollars'],
    ['$20.00', '20 dollars'],
    ['$1.01', '1 dollar and 1 cent'],
    ['$0.99', '99 cents'],
    ['$1,299.50', '1,299 dollars and 50 cents'],
    ['$5k', '5 thousand dollars'],
    ['$1.5 million', '1.5 million dollars'],
    ['€5', '5 euros'],
    ['5 €', '5 euros'],
    ['£2.50', '2 pounds and 50 pence'],
    ['USD 5', '5 dollars'],
    ['19.99 USD', '19 dollars and 99 cents'],
    ['$10–$20', '10 dollars to 20 dollars'],
  ])('speaks the price %j as %j', (text, spoken) => {
    expect(speakNumbers(text)).toBe(spoken);
  });

  it.each([
    ['15%', '15 percent'],
    ['15.5 %', '15.5 percent'],
    ['10-15%', '10 to 15 percent'],
  ])('speaks the percentage %j as %j', (text, spoken) => {
    expect(speakNumbers(text)).toBe(spoken);
  });

  it.each([
    ['9:00', '9 AM'],
    ['09:00', '9 AM'],
    ['18:30', '6:30 PM'],
    ['12:00', '12 PM'],
    ['0:00', '12 AM'],
    ['9am', '9 AM'],
    ['9:30 p.m. on Fridays', '9:30 PM on Fridays'],
    ['We open at 9 a.m.', 'We open at 9 AM.'],
    ['We open at 9 a.m. Call us', 'We open at 9 AM. Call us'],
    ['We open at 9am.', 'We open at 9 AM.'],
  ])('speaks the time %j as %j', (text, spoken) => {
    expect(speakNumbers(text)).toBe(spoken);
  });

  it.each([
    ['9:00–18:00', '9 AM to 6 PM'],
    ['9-5', '9 AM to 5 PM'],
    ['12-3', '12 PM to 3 PM'],
    ['9am - 5pm', '9 AM to 5 PM'],
    ['3-5 business days', '3 to 5 business days'],
    ['2019–2024', '2019 to 2024'],
    ['Mon–Fri 9-5', 'Monday to Friday 9 AM to 5 PM'],
    ['Sat: 10-4, Sun closed', 'Saturday: 10 AM to 4 PM, Sunday closed'],
  ])('speaks the range %j as %j', (text, spoken) => {
    expect(speakNumbers(text)).toBe(spoken);
  });

  it.each([
    ['+1 (555) 123-4567', 'plus 1, 5 5 5, 1 2 3, 4 5 6 7'],
    ['555-123-4567', '5 5 5, 1 2 3, 4 5 6 7'],
    ['(555) 123-4567', '5 5 5, 1 2 3, 4 5 6 7'],
    ['555.123.4567', '5 5 5, 1 2 3, 4 5 6 7'],
    ['0800 123 456', '0 8 0 0, 1 2 3, 4 5 6'],
    ['+44 20 7946 0958', 'plus 4 4, 2 0, 7 9 4 6, 0 9 5 8'],
    ['call 555-1234.', 'call 5 5 5, 1 2 3 4.'],
  ])('speaks the phone number %j digit by digit', (text, spoken) => {
    expect(speakNumbers(text)).toBe(spoken);
  });

  it.each([
    '1,299 items',
    '1 000 000 visitors',
    'zip 90210',
    '192.168.1.1',
    'pi is 3.14',
    'COVID-19',
    'Room 101-B',
  ])('leaves %j alone', (text) => {
    expect(speakNumbers(text)).toBe(text);
  });

  it('reads ISO dates and negative numbers', () => {
    expect(speakNumbers('Due 2024-05-01 at -5 degrees')).toBe('Due May 1, 2024 at minus 5 degrees');
  });
});
