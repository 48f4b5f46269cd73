import { test } from 'vitest'
import { inject } from 'vitest'
import { launchBrowser, newContext } from './support/browser'
test('dbg', async () => {
  const browser = await launchBrowser()
  const { context } = await newContext(browser, {})
  const page = await context.newPage()
  await page.goto(inject('baseUrl') + '/')
  const box = page.getByRole('searchbox', { name: '搜索', exact: true })
  await box.waitFor()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 })
  await box.focus()
  await box.pressSequentially('Karpaty', { delay: 0 })
  await page.waitForTimeout(1000)
  console.log('after typing', page.url(), await box.inputValue(), await page.evaluate(() => history.length))
  await page.goBack()
  await page.waitForTimeout(1000)
  console.log('after back', page.url(), await box.inputValue(), await page.evaluate(() => history.length))
  await browser.close()
}, 60000)
