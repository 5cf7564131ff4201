import { expect, test } from '@playwright/test'
import { PNG } from 'pngjs'
import { adminUrl, editorToken, logInToAdmin } from '../cms-admin.ts'
import { testUrls } from '../system.ts'

// The checks an editor sees before publishing, in the admin beside the fields concerned: an image
// whose alt text says nothing, a skipped heading level and a "click here" link in the body, a 3D
// model whose text alternative says nothing, and a page over its weight budget. A draft case study
// made for the spec carries each problem; it is deleted afterwards, and the model's text put back.
test.setTimeout(180_000)

const stamp = Date.now()
const api = `${testUrls.cms}/api`

/** A PNG of random noise: it compresses badly, so its page-sized version stays heavy. */
function noisePng(width: number, height: number): Buffer {
  const png = new PNG({ width, height })
  for (let i = 0; i < png.data.length; i++) png.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256)
  return PNG.sync.write(png)
}

const text = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const block = { direction: 'ltr', format: '', indent: 0, version: 1 }

test('each pre-publish warning shows beside its field and in the sidebar, and publishing stays open', async ({
  page,
  request,
}) => {
  const token = await editorToken(request)
  const headers = { Authorization: `JWT ${token}` }
  const created: Array<{ collection: string; id: number }> = []
  const upload = async (name: string, alt: string, buffer: Buffer) => {
    const response = await request.post(`${api}/media`, {
      headers,
      multipart: { file: { name, mimeType: 'image/png', buffer }, _payload: JSON.stringify({ alt }) },
    })
    expect(response.ok(), await response.text()).toBe(true)
    const { doc } = (await response.json()) as { doc: { id: number } }
    created.push({ collection: 'media', id: doc.id })
    return doc.id
  }
  const models = await (
    await request.get(`${api}/models?where[status][equals]=ready&limit=1&depth=0`, { headers })
  ).json()
  const model = (models as { docs: Array<{ id: number; alt: string }> }).docs[0]
  if (!model) throw new Error('the seed has no ready 3D model')

  try {
    const vague = await upload(`vague-${stamp}.png`, 'IMG_0042', noisePng(64, 64))
    // Three photographs' worth of bytes in a gallery: over the 2 MB a page may weigh.
    const heavy = []
    for (let i = 0; i < 3; i++)
      heavy.push(
        await upload(
          `heavy-${stamp}-${i}.png`,
          `A wide view of the launch pad, take ${i + 1}`,
          noisePng(1600, 1000),
        ),
      )
    const modelAlt = await request.patch(`${api}/models/${model.id}`, { headers, data: { alt: 'model' } })
    expect(modelAlt.ok()).toBe(true)

    const body = {
      root: {
        ...block,
        type: 'root',
        children: [
          { ...block, type: 'heading', tag: 'h2', children: [text('The brief')] },
          { ...block, type: 'heading', tag: 'h4', children: [text('Constraints')] },
          {
            ...block,
            type: 'paragraph',
            textFormat: 0,
            textStyle: '',
            children: [
              text('For the whole story, '),
              {
                ...block,
                type: 'link',
                version: 3,
                fields: { linkType: 'custom', url: '/contact/', newTab: false },
                children: [text('click here')],
              },
            ],
          },
        ],
      },
    }
    const draft = await request.post(`${api}/case-studies?draft=true`, {
      headers,
      data: {
        title: `Checks before publish ${stamp}`,
        slug: `checks-${stamp}`,
        summary: 'A draft carrying one of each problem the checks look for.',
        _status: 'draft',
        heroImage: vague,
        model: model.id,
        body,
        layout: [{ blockType: 'gallery', images: heavy.map((image) => ({ image })) }],
      },
    })
    expect(draft.ok(), await draft.text()).toBe(true)
    const study = ((await draft.json()) as { doc: { id: number } }).doc
    created.unshift({ collection: 'case-studies', id: study.id })

    await logInToAdmin(page)
    await page.goto(`${adminUrl}/collections/case-studies/${study.id}`)
    const summary = page.locator('.kairo-prepublish')
    await expect(summary.getByRole('status')).toContainText('5 things to look at (you can still publish)')
    // Beside each field concerned: under its input (the fields' afterInput).
    await expect(
      page.locator('.kairo-field-warnings').filter({ hasText: 'has the alt text “IMG_0042”' }),
    ).toBeVisible()
    await expect(
      page
        .locator('.kairo-field-warnings')
        .filter({ hasText: 'Heading “Constraints” is a heading 4 after a heading 2' }),
    ).toBeVisible()
    await expect(
      page
        .locator('.kairo-field-warnings')
        .filter({ hasText: 'The link “click here” does not say where it goes' }),
    ).toBeVisible()
    await expect(
      page.locator('.kairo-field-warnings').filter({ hasText: 'has the alt text “model”' }),
    ).toBeVisible()
    // The page's weight is the page's, so it shows in the sidebar's list only.
    await expect(summary).toContainText(/This page weighs about \d+\.\d MB .* over the 2\.0 MB budget/)
    // Warnings, not errors: the editor can still publish.
    await expect(page.getByRole('button', { name: /^Publish/ })).toBeEnabled()
  } finally {
    await request.patch(`${api}/models/${model.id}`, { headers, data: { alt: model.alt } })
    for (const { collection, id } of created) await request.delete(`${api}/${collection}/${id}`, { headers })
  }
})
